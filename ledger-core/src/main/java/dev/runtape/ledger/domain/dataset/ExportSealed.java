package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/** An export of the dataset was sealed: its manifest's digest and the checkpoint it is proved against. */
public record ExportSealed(String datasetId, String exportId, Digest manifestDigest, CheckpointRef checkpoint,
        String recipient, @Nullable String purpose) {
}
