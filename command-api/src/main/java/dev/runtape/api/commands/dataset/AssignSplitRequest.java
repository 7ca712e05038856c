package dev.runtape.api.commands.dataset;

import dev.runtape.ledger.domain.common.Split;
import org.jspecify.annotations.Nullable;

/** {@code POST /datasets/{id}/splits}: an admitted trajectory goes to the train or the eval split. */
public record AssignSplitRequest(String trajectoryId, Split split, @Nullable String eventId) {
}
