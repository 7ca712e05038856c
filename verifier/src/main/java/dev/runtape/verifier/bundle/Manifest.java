package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A bundle's manifest, read: its fields, the parts it carries as bytes (checkpoint, consistency receipt, key sets),
 * the compact {@link ManifestIndex} of what it lists, and its digest (what ExportSealed signs).
 *
 * @param duplicates digests the manifest lists more than once, each a problem to report
 */
public record Manifest(String exportId, String datasetId, String datasetName, String datasetVersion,
        String recipient, Optional<String> purpose, Instant created, byte[] checkpoint,
        Optional<byte[]> consistency, byte[] keySets, ManifestIndex index, Digest digest,
        List<String> duplicates) {

    public Manifest {
        duplicates = List.copyOf(duplicates);
    }
}
