package dev.runtape.api.transparency;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.dataset.SplitAssigned;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The streams a statement's event names besides its own (a trajectory's task, a dataset's trajectory): like a
 * command's, they must be the caller's tenant's if they exist, so that a signed statement cannot probe another
 * tenant's ids either.
 */
final class StatementReferences {

    private StatementReferences() {
    }

    static StreamId[] of(Statement statement) {
        Optional<Class<? extends Record>> type = EventCatalogue.payloadType(statement.header().eventType());
        if (type.isEmpty()) {
            return new StreamId[0];
        }
        Object event;
        try {
            event = PayloadCodec.decode(statement.payload(), type.get());
        } catch (FormatException e) {
            return new StreamId[0]; // the intake refuses it, with the reason
        }
        List<StreamId> named = new ArrayList<>();
        switch (event) {
            case TrajectoryStarted started -> {
                named.add(StreamId.of(StreamId.Kind.TASK, started.taskId()));
                if (started.actor() instanceof Actor.Operator operator) {
                    named.add(StreamId.of(StreamId.Kind.OPERATOR, operator.operatorId()));
                }
                if (started.continues() != null) {
                    named.add(StreamId.of(StreamId.Kind.TRAJECTORY, started.continues()));
                }
                if (started.parent() != null) {
                    named.add(StreamId.of(StreamId.Kind.TRAJECTORY, started.parent()));
                }
            }
            case TrajectoryAdmitted admitted -> named.add(StreamId.of(StreamId.Kind.TRAJECTORY,
                    admitted.trajectoryId()));
            case SplitAssigned split -> named.add(StreamId.of(StreamId.Kind.TRAJECTORY, split.trajectoryId()));
            default -> {
            }
        }
        return named.toArray(StreamId[]::new);
    }
}
