package dev.runtape.verifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.Finding;
import dev.runtape.verifier.bundle.Tally;
import dev.runtape.verifier.bundle.Withheld;

/** The full bundle report as one JSON document, for tools. Digests are lower-case hex, times ISO 8601. */
final class BundleReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleReportJson() {
    }

    static String render(BundleReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("bundle", report.bundle());
        root.put("valid", report.valid());
        report.exportId().ifPresent(v -> root.put("export-id", v));
        report.dataset().ifPresent(v -> root.put("dataset", v));
        report.recipient().ifPresent(v -> root.put("recipient", v));
        report.manifestDigest().ifPresent(v -> root.put("manifest-digest", v.hex()));
        report.checkpoint().ifPresent(c -> root.putObject("checkpoint")
                .put("origin", c.origin())
                .put("tree-size", c.treeSize())
                .put("root", c.root().hex())
                .put("timestamp", c.timestamp().toString()));
        root.put("fast", report.fast());
        root.put("statements", report.statements());
        root.put("streams", report.streams());
        ArrayNode checks = root.putArray("checks");
        for (Tally tally : report.tallies()) {
            ObjectNode check = checks.addObject()
                    .put("check", tally.check().key())
                    .put("description", tally.check().description())
                    .put("checked", tally.checked())
                    .put("failed", tally.failed());
            if (tally.wasSkipped()) {
                check.put("skipped", tally.skipped());
            }
        }
        root.put("failure-count", report.failureCount());
        ArrayNode failures = root.putArray("failures");
        for (Finding finding : report.failures()) {
            failures.addObject().put("check", finding.check().key()).put("item", finding.item())
                    .put("reason", finding.reason());
        }
        ArrayNode withheld = root.putArray("withheld");
        for (Withheld w : report.withheld()) {
            ObjectNode item = withheld.addObject().put("what", w.what()).put("digest", w.digest().hex())
                    .put("kind", w.kind());
            w.reason().ifPresent(r -> item.put("reason", r));
        }
        root.put("elapsed-ms", report.elapsed().toMillis());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }
}
