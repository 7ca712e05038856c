package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Step;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the next batch of steps of an open trajectory. */
public record RecordSteps(String trajectoryId, List<Step> steps) {

    public RecordSteps {
        steps = List.copyOf(steps);
    }

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
