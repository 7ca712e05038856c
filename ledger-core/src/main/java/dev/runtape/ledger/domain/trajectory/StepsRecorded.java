package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.common.Step;
import java.util.List;

/** A batch of consecutive steps was recorded. */
public record StepsRecorded(String trajectoryId, List<Step> steps) {

    public StepsRecorded {
        steps = List.copyOf(steps);
    }
}
