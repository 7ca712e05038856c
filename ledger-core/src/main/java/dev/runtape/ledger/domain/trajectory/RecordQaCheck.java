package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.statement.ContentRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record the result of an automated check of a completed trajectory. */
public record RecordQaCheck(String trajectoryId, String check,
        QaCheckRecorded.Result result, @Nullable List<String> flags, @Nullable ContentRef details) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
