package dev.runtape.ledger.domain.task;

import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.statement.ContentRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A task was defined: the prompt (a disclosure), its family, what counts as solved, and where it starts. */
public record TaskDefined(String taskId, ContentRef prompt, String family, List<String> successCriteria,
        @Nullable Repository repository, @Nullable Map<String, String> environment) {

    public TaskDefined {
        successCriteria = List.copyOf(successCriteria);
        environment = environment == null ? null : Map.copyOf(environment);
    }
}
