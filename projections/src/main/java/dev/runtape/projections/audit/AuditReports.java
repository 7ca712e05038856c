package dev.runtape.projections.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An audit as its readers take it: JSON (members in kebab case, as the API writes them), and a printable HTML page
 * (self-contained, no script, every value escaped) that says the same.
 */
public final class AuditReports {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AuditReports() {
    }

    public static ObjectNode json(ProvenanceAudit audit) {
        ObjectNode root = JSON.objectNode().put("format", "runtape-provenance-audit/1")
                .put("dataset-id", audit.datasetId()).put("name", audit.name()).put("version", audit.version())
                .put("purpose", audit.purpose()).put("generated-at", audit.generatedAt());
        if (audit.checkpointSize() == null) {
            root.putNull("checkpoint-size");
        } else {
            root.put("checkpoint-size", audit.checkpointSize());
        }
        if (audit.export() != null) {
            root.set("export", export(audit.export()));
        }
        ArrayNode exports = root.putArray("exports");
        audit.exports().forEach(e -> exports.add(export(e)));
        root.set("policy", policy(audit.policy()));
        ObjectNode summary = root.putObject("summary").put("trajectories", audit.trajectories().size())
                .put("statements", audit.statements()).put("statements-failed", audit.failedStatements())
                .put("findings", audit.findings().size())
                .put("qa-reviewed", audit.trajectories().stream().filter(t -> !t.reviews().isEmpty()).count())
                .put("qa-checked", audit.trajectories().stream().filter(t -> !t.qaChecks().isEmpty()).count());
        summary.put("verified", audit.failedStatements() == 0);
        ArrayNode findings = root.putArray("findings");
        audit.findings().forEach(f -> findings.addObject().put("kind", f.kind().wire()).put("subject", f.subject())
                .put("detail", f.detail()));
        ArrayNode trajectories = root.putArray("trajectories");
        for (Custody custody : audit.trajectories()) {
            ObjectNode node = trajectories.addObject().put("trajectory-id", custody.trajectoryId())
                    .put("split", custody.split()).put("task-id", custody.taskId()).put("actor", custody.actor())
                    .put("model", custody.model()).put("source-format", custody.sourceFormat())
                    .put("outcome", custody.outcome());
            ArrayNode events = node.putArray("custody");
            custody.events().forEach(e -> events.addObject().put("revision", e.revision())
                    .put("event-type", e.eventType()).put("principal", e.principal()).put("issued-at", e.issuedAt())
                    .put("position", e.position()));
            decisions(node.putArray("qa-checks"), custody.qaChecks());
            decisions(node.putArray("reviews"), custody.reviews());
            decisions(node.putArray("labels"), custody.labels());
            decisions(node.putArray("redactions"), custody.redactions());
            custody.unresolvedFlags().forEach(node.putArray("unresolved-flags")::add);
            node.set("policy", policy(custody.policy()));
            verifications(node.putArray("statements"), custody.verifications());
        }
        verifications(root.putArray("dataset-statements"), audit.datasetStatements());
        return root;
    }

    private static ObjectNode export(ProvenanceAudit.Export export) {
        return JSON.objectNode().put("export-id", export.exportId()).put("recipient", export.recipient())
                .put("purpose", export.purpose()).put("manifest-digest", export.manifestDigest())
                .put("checkpoint-size", export.checkpointSize()).put("delivered", export.delivered())
                .put("sealed-by", export.sealedBy()).put("sealed-at", export.sealedAt());
    }

    private static ObjectNode policy(Custody.@Nullable Policy policy) {
        ObjectNode node = JSON.objectNode();
        if (policy == null) {
            return node;
        }
        node.put("retention-until", policy.retentionUntil()).put("licence", policy.licence());
        if (policy.dataUse() != null) {
            policy.dataUse().forEach(node.putArray("data-use")::add);
        }
        return node;
    }

    private static void decisions(ArrayNode array, List<Custody.Decision> decisions) {
        decisions.forEach(d -> array.addObject().put("what", d.what()).put("detail", d.detail())
                .put("principal", d.principal()).put("issued-at", d.issuedAt()));
    }

    private static void verifications(ArrayNode array, List<Verification> verifications) {
        for (Verification v : verifications) {
            ObjectNode node = array.addObject().put("position", v.position()).put("stream", v.stream())
                    .put("revision", v.revision()).put("event-type", v.eventType()).put("event-id", v.eventId())
                    .put("signature", v.signature()).put("chain", v.chain());
            if (v.checkpointSize() == null) {
                node.putNull("included-in");
            } else {
                node.put("included-in", v.checkpointSize());
            }
            node.put("problem", v.problem());
        }
    }

    /** The audit as one printable page. */
    public static String html(ProvenanceAudit audit) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Provenance audit: ").append(escape(audit.datasetId())).append("</title><style>")
                .append("body{font:13px/1.4 sans-serif;margin:2em}table{border-collapse:collapse;width:100%;")
                .append("margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:2px 6px;text-align:left;")
                .append("vertical-align:top}th{background:#eee}.bad{color:#a00;font-weight:bold}")
                .append("@media print{h2{page-break-before:always}h2:first-of-type{page-break-before:auto}}")
                .append("</style></head><body>\n");
        page.append("<h1>Provenance audit of dataset ").append(escape(audit.datasetId()));
        if (audit.export() != null) {
            page.append(", export ").append(escape(audit.export().exportId()));
        }
        page.append("</h1>\n<p>").append(escape(nullable(audit.name()))).append(' ')
                .append(escape(nullable(audit.version()))).append(" &middot; purpose ")
                .append(escape(nullable(audit.purpose()))).append(" &middot; generated ")
                .append(escape(audit.generatedAt())).append(" &middot; checked against the checkpoint of size ")
                .append(audit.checkpointSize() == null ? "(none yet)" : audit.checkpointSize()).append("</p>\n");
        page.append("<p class=\"").append(audit.failedStatements() == 0 ? "" : "bad").append("\">")
                .append(audit.statements()).append(" statements verified, ").append(audit.failedStatements())
                .append(" failed; ").append(audit.trajectories().size()).append(" trajectories; ")
                .append(audit.findings().size()).append(" findings.</p>\n");
        page.append("<h2>Findings</h2>\n");
        table(page, List.of("kind", "subject", "detail"), audit.findings().stream()
                .map(f -> List.of(f.kind().wire(), f.subject(), f.detail())).toList());
        page.append("<h2>Exports</h2>\n");
        table(page, List.of("export", "recipient", "purpose", "manifest digest", "checkpoint", "sealed", "delivered"),
                audit.exports().stream().map(e -> List.of(e.exportId(), e.recipient(), nullable(e.purpose()),
                        e.manifestDigest(), Long.toString(e.checkpointSize()), e.sealedBy() + " " + e.sealedAt(),
                        nullable(e.delivered()))).toList());
        for (Custody custody : audit.trajectories()) {
            page.append("<h2>Trajectory ").append(escape(custody.trajectoryId())).append("</h2>\n<p>split ")
                    .append(escape(nullable(custody.split()))).append(" &middot; task ")
                    .append(escape(nullable(custody.taskId()))).append(" &middot; ").append(escape(custody.actor()))
                    .append(" &middot; model ").append(escape(nullable(custody.model()))).append(" &middot; outcome ")
                    .append(escape(nullable(custody.outcome()))).append("</p>\n<h3>Chain of custody</h3>\n");
            table(page, List.of("revision", "event", "by", "at"), custody.events().stream()
                    .map(e -> List.of(Long.toString(e.revision()), e.eventType(), e.principal(), e.issuedAt()))
                    .toList());
            decisionTable(page, "QA checks", custody.qaChecks());
            decisionTable(page, "Reviews", custody.reviews());
            decisionTable(page, "Labels", custody.labels());
            decisionTable(page, "Redactions", custody.redactions());
            page.append("<h3>Statements</h3>\n");
            table(page, List.of("position", "event", "signature", "chain", "included in", "problem"),
                    custody.verifications().stream().map(v -> List.of(Long.toString(v.position()), v.eventType(),
                            v.signature() ? "valid" : "INVALID", v.chain() ? "linked" : "BROKEN",
                            v.checkpointSize() == null ? "not yet" : "checkpoint " + v.checkpointSize(),
                            nullable(v.problem()))).toList());
        }
        return page.append("</body></html>\n").toString();
    }

    private static void decisionTable(StringBuilder page, String title, List<Custody.Decision> decisions) {
        page.append("<h3>").append(title).append("</h3>\n");
        table(page, List.of("what", "detail", "by", "at"), decisions.stream()
                .map(d -> List.of(d.what(), d.detail(), d.principal(), d.issuedAt())).toList());
    }

    private static void table(StringBuilder page, List<String> headings, List<List<String>> rows) {
        if (rows.isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        page.append("<table><tr>");
        headings.forEach(h -> page.append("<th>").append(escape(h)).append("</th>"));
        page.append("</tr>\n");
        for (List<String> row : rows) {
            page.append("<tr>");
            row.forEach(cell -> page.append("<td>").append(escape(cell)).append("</td>"));
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String nullable(@Nullable String value) {
        return value == null ? "-" : value;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
