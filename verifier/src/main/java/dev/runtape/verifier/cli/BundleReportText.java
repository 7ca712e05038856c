package dev.runtape.verifier.cli;

import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.Finding;
import dev.runtape.verifier.bundle.Tally;
import dev.runtape.verifier.bundle.Withheld;
import java.util.ArrayList;
import java.util.List;

/**
 * A bundle report for people: the verdict on the first line ({@code valid: ...} or {@code invalid: ...} with the
 * first failure), then what the bundle is, each check's counts, what is withheld, and every failure kept.
 */
final class BundleReportText {

    private BundleReportText() {
    }

    static List<String> render(BundleReport report) {
        List<String> lines = new ArrayList<>();
        if (report.valid()) {
            lines.add("valid: bundle " + report.bundle() + " verifies (" + report.statements() + " statements)");
        } else {
            lines.add("invalid: " + report.failureCount() + (report.failureCount() == 1 ? " failure" : " failures")
                    + "; first: " + report.failures().getFirst());
        }
        report.exportId().ifPresent(id -> lines.add("export: " + id + report.recipient().map(r -> ", for " + r)
                .orElse("")));
        report.dataset().ifPresent(d -> lines.add("dataset: " + d));
        report.manifestDigest().ifPresent(d -> lines.add("manifest digest: " + d));
        report.checkpoint().ifPresent(c -> lines.add("checkpoint: " + c.origin() + ", " + c.treeSize()
                + " leaves, root " + c.root() + ", " + c.timestamp()));
        lines.add("statements: " + report.statements() + " in " + report.streams() + " streams"
                + (report.fast() ? " (--fast: signatures and schemas not checked)" : ""));
        lines.add("checks:");
        for (Tally tally : report.tallies()) {
            String counts = tally.wasSkipped() ? "skipped: " + tally.skipped()
                    : tally.checked() + " checked, " + tally.failed() + " failed";
            lines.add(String.format("  %-12s %-28s %s", tally.check().key(), counts, tally.check().description()));
        }
        if (!report.withheld().isEmpty()) {
            lines.add("withheld (not failures):");
            for (Withheld w : report.withheld()) {
                lines.add("  " + w.what() + " " + w.digest() + ": " + w.kind() + w.reason().map(r -> " (" + r + ")")
                        .orElse(""));
            }
        }
        if (!report.failures().isEmpty()) {
            lines.add("failures:");
            report.failures().stream().map(Finding::toString).forEach(f -> lines.add("  " + f));
            long more = report.failureCount() - report.failures().size();
            if (more > 0) {
                lines.add("  ... and " + more + " more");
            }
        }
        lines.add("time: " + report.elapsed().toMillis() + " ms");
        return lines;
    }
}
