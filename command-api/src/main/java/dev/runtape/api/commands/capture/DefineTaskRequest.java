package dev.runtape.api.commands.capture;

import dev.runtape.ledger.domain.common.Repository;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /tasks}: a task, its prompt in the clear (the ledger stores it as a disclosure). */
public record DefineTaskRequest(String taskId, String prompt, String family, @Nullable List<String> successCriteria,
        @Nullable Repository repository, @Nullable Map<String, String> environment, @Nullable String eventId) {
}
