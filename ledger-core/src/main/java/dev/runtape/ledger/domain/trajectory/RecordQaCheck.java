package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.statement.ContentRef;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record the result of an automated check of a completed trajectory. */
public record RecordQaCheck(@TargetAggregateIdentifier String trajectoryId, String check,
        QaCheckRecorded.Result result, @Nullable List<String> flags, @Nullable ContentRef details) {
}
