package dev.runtape.ledger.domain.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A task: defined once, then referred to by the trajectories that attempt it. */
public class Task {

    @AggregateIdentifier
    private String streamId;
    private String taskId;

    protected Task() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Task(DefineTask command) {
        apply(new TaskDefined(command.taskId(), command.prompt(), command.family(), command.successCriteria(),
                command.repository(), command.environment()));
    }

    @EventSourcingHandler
    void on(TaskDefined event) {
        streamId = Streams.task(event.taskId());
        taskId = event.taskId();
    }

    public String taskId() {
        return taskId;
    }
}
