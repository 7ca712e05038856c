package dev.runtape.ledger.domain.task;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.statement.ContentRef;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Define a task. Its prompt is disclosed to the content store first; the command carries the reference. */
public record DefineTask(String taskId, ContentRef prompt, String family,
        List<String> successCriteria, @Nullable Repository repository, @Nullable Map<String, String> environment) {

    /** The stream of the task this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.task(taskId);
    }
}
