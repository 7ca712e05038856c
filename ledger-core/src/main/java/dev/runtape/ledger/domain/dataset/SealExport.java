package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.verifier.Digest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Seal an export of the dataset for a recipient. */
public record SealExport(String datasetId, String exportId, Digest manifestDigest,
        CheckpointRef checkpoint, String recipient, @Nullable String purpose) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
