package dev.runtape.ledger.export;

import dev.runtape.cbor.CborMap;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an export holds, decided before a byte is written: the manifest (and its digest, which ExportSealed records),
 * the checkpoint every receipt leads to, the trajectory streams in full, the disclosures and artifacts to include.
 * It keeps digests and stream names only, so a large export plans in bounded memory per statement.
 *
 * @param datasetId the dataset version exported
 * @param firstPosition the log position of the bundle's first statement, where writing starts reading the log
 * @param statements how many statements the bundle holds
 */
public record ExportPlan(String datasetId, String exportId, String recipient, @Nullable String purpose,
        CborMap manifest, Digest manifestDigest, SignedCheckpoint checkpoint, List<StreamId> streams,
        long firstPosition, long statements, Set<Digest> disclosures, Set<Digest> artifacts, long withheld) {

    public ExportPlan {
        streams = List.copyOf(streams);
        disclosures = Set.copyOf(disclosures);
        artifacts = Set.copyOf(artifacts);
    }

    /** The checkpoint as ExportSealed names it. */
    public CheckpointRef checkpointRef() {
        return new CheckpointRef(checkpoint.treeSize(), checkpoint.root());
    }
}
