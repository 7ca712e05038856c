package dev.runtape.ledger.domain;

import dev.runtape.ledger.domain.common.PolicySet;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.dataset.ExportDelivered;
import dev.runtape.ledger.domain.dataset.ExportSealed;
import dev.runtape.ledger.domain.dataset.SplitAssigned;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.domain.operator.OperatorEnrolled;
import dev.runtape.ledger.domain.operator.OperatorQualified;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.ArtifactAttached;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.LabelRetracted;
import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event catalogue of DESIGN.md as Java types: each event type's name (the statement header's event type and the
 * CDDL rule of its payload) and the record its payload maps to.
 */
public final class EventCatalogue {

    private static final Map<String, Class<? extends Record>> TYPES = index(TaskDefined.class,
            OperatorEnrolled.class, OperatorQualified.class, TrajectoryStarted.class, StepsRecorded.class,
            ArtifactAttached.class, TrajectoryCompleted.class, QaCheckRecorded.class, QaReviewed.class,
            LabelApplied.class, LabelRetracted.class, RedactionApplied.class, PolicySet.class, SplitAssigned.class,
            DatasetDefined.class, TrajectoryAdmitted.class, ExportSealed.class, ExportDelivered.class);

    private EventCatalogue() {
    }

    @SafeVarargs
    private static Map<String, Class<? extends Record>> index(Class<? extends Record>... types) {
        Map<String, Class<? extends Record>> byName = new LinkedHashMap<>();
        for (Class<? extends Record> type : types) {
            byName.put(type.getSimpleName(), type);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** Every event type, in the catalogue's order. */
    public static Set<String> eventTypes() {
        return TYPES.keySet();
    }

    /** The payload record of an event type. */
    public static Optional<Class<? extends Record>> payloadType(String eventType) {
        return Optional.ofNullable(TYPES.get(eventType));
    }

    /** The event type of a payload, or empty when the object is not an event of the catalogue. */
    public static Optional<String> eventType(Object payload) {
        String name = payload.getClass().getSimpleName();
        return TYPES.get(name) == payload.getClass() ? Optional.of(name) : Optional.empty();
    }
}
