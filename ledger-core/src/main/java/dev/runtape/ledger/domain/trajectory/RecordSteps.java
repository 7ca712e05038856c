package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.common.Step;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the next batch of steps of an open trajectory. */
public record RecordSteps(@TargetAggregateIdentifier String trajectoryId, List<Step> steps) {

    public RecordSteps {
        steps = List.copyOf(steps);
    }
}
