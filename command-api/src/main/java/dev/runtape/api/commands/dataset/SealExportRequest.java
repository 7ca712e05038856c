package dev.runtape.api.commands.dataset;

import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /datasets/{id}/exports}: seal an export for a recipient. {@code manifest-digest} is the SHA-256 of the
 * export's manifest; {@code checkpoint} ({@code tree-size}, {@code root-hash}) the signed checkpoint the export is
 * proved against, the latest one when absent.
 */
public record SealExportRequest(String exportId, Digest manifestDigest, @Nullable CheckpointRef checkpoint,
        String recipient, @Nullable String purpose, @Nullable String eventId) {
}
