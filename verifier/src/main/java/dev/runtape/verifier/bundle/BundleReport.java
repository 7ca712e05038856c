package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying one bundle: what it is, how each check went, every failure (up to {@link #MAX_FINDINGS},
 * with the total counted), and what is withheld. Immutable.
 *
 * @param manifestDigest SHA-256 of the manifest's bytes, which ExportSealed signs; empty if the manifest did not read
 */
public record BundleReport(String bundle, Optional<String> exportId, Optional<String> dataset,
        Optional<String> recipient, Optional<Digest> manifestDigest, Optional<CheckpointHead> checkpoint,
        boolean fast, long statements, long streams, List<Tally> tallies, List<Finding> failures, long failureCount,
        List<Withheld> withheld, Duration elapsed) {

    /** Failures kept in a report; more are counted only. */
    public static final int MAX_FINDINGS = 1000;

    /** The checkpoint a bundle is proved against. */
    public record CheckpointHead(String origin, long treeSize, Digest root, Instant timestamp) {
    }

    public BundleReport {
        tallies = List.copyOf(tallies);
        failures = List.copyOf(failures);
        withheld = List.copyOf(withheld);
    }

    /** Whether everything verified: no failure at all. */
    public boolean valid() {
        return failureCount == 0;
    }
}
