package dev.runtape.projections.lineage;

import static dev.runtape.projections.lineage.Relation.ACTED_ON_BEHALF_OF;
import static dev.runtape.projections.lineage.Relation.USED;
import static dev.runtape.projections.lineage.Relation.WAS_ASSOCIATED_WITH;
import static dev.runtape.projections.lineage.Relation.WAS_DERIVED_FROM;
import static dev.runtape.projections.lineage.Relation.WAS_GENERATED_BY;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The projection's one rule: an event in, the graph updates it means out. Pure: the updates depend on the event
 * alone, never on the graph, so a replay from position 0 builds the same graph and the rule is tested without a
 * store. Every node an edge names is among the updates too, so no edge ever points at nothing.
 *
 * <p>The shape, for one trajectory T of task K, admitted to dataset D and exported as E:
 * <pre>
 * execution/T  used  task/K, repository/URL@COMMIT      execution/T  wasAssociatedWith  operator/O | agent/A, model/M,
 * trajectory/T  wasGeneratedBy  execution/T                                              principal/P
 * steps/T/0-9, artifact/T/DIGEST  wasGeneratedBy  execution/T;  trajectory/T  wasDerivedFrom  steps/T/0-9
 * qa-check/T/ID, review/T/ID, labelling/T/ID, redaction/T/ID  used  trajectory/T
 * qa-record/T  wasGeneratedBy  qa-check/T/ID, review/T/ID;   qa-record/T  wasDerivedFrom  trajectory/T
 * label/T/L  wasGeneratedBy  labelling/T/L;  dataset/D  wasDerivedFrom  qa-record/T  (the split as an attribute)
 * exporting/D/E  used  dataset/D;  export/D/E  wasGeneratedBy  exporting/D/E;  export/D/E  wasDerivedFrom  dataset/D
 * agent/A, model/M, operator/O, reviewer/R  actedOnBehalfOf  principal/P  (model/M actedOnBehalfOf agent/A)
 * </pre>
 * A dataset is derived from its trajectories' QA records rather than from the trajectories themselves, so the way
 * up from a dataset passes through QA: dataset, QA record, review and reviewer, trajectory, execution, operator and
 * task prompt. Every activity is associated with the principal whose statement recorded it.
 */
public final class LineageBuilder {

    private LineageBuilder() {
    }

    /** The updates {@code event} means; none for events that say nothing about lineage (policies). */
    public static List<GraphUpdate> updates(LineageEvent event) {
        Updates out = new Updates(event);
        switch (event.payload()) {
            case TaskDefined task -> out.node(NodeId.of(NodeKind.TASK, task.taskId()), attributes(
                    "family", task.family(), "prompt-digest", task.prompt().digest().hex(),
                    "success-criteria", (long) task.successCriteria().size(),
                    "repository", task.repository() == null ? null : task.repository().url()));
            case OperatorEnrolled operator -> out.node(operator(operator.operatorId()),
                    attributes("cohort", operator.cohort()));
            case OperatorQualified qualified -> out.node(operator(qualified.operatorId()),
                    attributes("qualification", qualified.qualification(), "level", qualified.level()));
            case TrajectoryStarted started -> started(out, started);
            case StepsRecorded steps -> steps(out, steps);
            case ArtifactAttached attached -> {
                NodeId artifact = NodeId.of(NodeKind.ARTIFACT, attached.trajectoryId(),
                        attached.artifact().digest().hex());
                out.node(artifact, attributes("media-type", attached.artifact().mediaType(),
                        "size", attached.artifact().size(), "name", attached.artifact().name(),
                        "step", attached.step()));
                out.edge(WAS_GENERATED_BY, artifact, execution(attached.trajectoryId()));
                out.node(execution(attached.trajectoryId()));
            }
            case TrajectoryCompleted completed -> {
                out.node(trajectory(completed.trajectoryId()), attributes("outcome", completed.outcome().wire()));
                out.node(execution(completed.trajectoryId()), attributes("outcome", completed.outcome().wire(),
                        "ended-at", event.recordedAt().toString(),
                        "duration-ms", completed.duration() == null ? null : completed.duration().toMillis()));
            }
            case QaCheckRecorded check -> {
                NodeId activity = out.activityOn(NodeKind.QA_CHECK, check.trajectoryId(), attributes(
                        "check", check.check(), "result", check.result().wire(),
                        "flags", check.flags() == null ? null : String.join(",", check.flags())));
                qaRecord(out, check.trajectoryId(), activity, attributes("last-check", check.check(),
                        "last-check-result", check.result().wire()));
            }
            case QaReviewed review -> {
                NodeId activity = out.activityOn(NodeKind.REVIEW, review.trajectoryId(), attributes(
                        "decision", review.decision().wire(), "reason", review.reason()));
                NodeId reviewer = NodeId.of(NodeKind.REVIEWER, review.reviewer());
                out.node(reviewer);
                out.edge(WAS_ASSOCIATED_WITH, activity, reviewer);
                out.edge(ACTED_ON_BEHALF_OF, reviewer, out.principal());
                qaRecord(out, review.trajectoryId(), activity, attributes("decision", review.decision().wire()));
            }
            case LabelApplied label -> {
                NodeId activity = NodeId.of(NodeKind.LABELLING, label.trajectoryId(), label.labelId());
                out.activity(activity, label.trajectoryId(), Map.of());
                NodeId entity = NodeId.of(NodeKind.LABEL, label.trajectoryId(), label.labelId());
                out.node(entity, attributes("category", label.category().wire(), "value", label.value(),
                        "step", label.step(), "retracted", false));
                out.edge(WAS_GENERATED_BY, entity, activity);
            }
            case LabelRetracted retracted -> out.node(NodeId.of(NodeKind.LABEL, retracted.trajectoryId(),
                    retracted.labelId()), attributes("retracted", true, "retraction-reason", retracted.reason()));
            case RedactionApplied redaction -> out.activityOn(NodeKind.REDACTION, redaction.trajectoryId(),
                    attributes("redaction", redaction.kind().wire(), "reason", redaction.reason(),
                            "digests", (long) redaction.digests().size()));
            case DatasetDefined dataset -> out.node(dataset(dataset.datasetId()), attributes("name", dataset.name(),
                    "version", dataset.version(), "purpose", dataset.purpose()));
            case TrajectoryAdmitted admitted -> {
                NodeId record = qaRecord(admitted.trajectoryId());
                out.node(dataset(admitted.datasetId()));
                out.node(record);
                out.node(trajectory(admitted.trajectoryId()));
                out.edge(WAS_DERIVED_FROM, record, trajectory(admitted.trajectoryId()));
                out.edge(WAS_DERIVED_FROM, dataset(admitted.datasetId()), record, attributes(
                        "split", admitted.split() == null ? null : admitted.split().wire(),
                        "admitted-at", event.recordedAt().toString()));
            }
            case SplitAssigned split -> {
                out.node(dataset(split.datasetId()));
                out.node(qaRecord(split.trajectoryId()));
                out.edge(WAS_DERIVED_FROM, dataset(split.datasetId()), qaRecord(split.trajectoryId()),
                        attributes("split", split.split().wire()));
            }
            case ExportSealed sealed -> {
                NodeId export = NodeId.of(NodeKind.EXPORT, sealed.datasetId(), sealed.exportId());
                NodeId activity = NodeId.of(NodeKind.EXPORTING, sealed.datasetId(), sealed.exportId());
                out.node(activity, attributes("ended-at", event.recordedAt().toString()));
                out.node(export, attributes("manifest-digest", sealed.manifestDigest().hex(),
                        "checkpoint-tree-size", sealed.checkpoint().treeSize(),
                        "recipient", sealed.recipient(), "purpose", sealed.purpose()));
                out.node(dataset(sealed.datasetId()));
                out.edge(USED, activity, dataset(sealed.datasetId()));
                out.edge(WAS_GENERATED_BY, export, activity);
                out.edge(WAS_DERIVED_FROM, export, dataset(sealed.datasetId()));
                out.associated(activity);
            }
            case ExportDelivered delivered -> out.node(NodeId.of(NodeKind.EXPORT, delivered.datasetId(),
                    delivered.exportId()), attributes("delivered-to", delivered.recipient(),
                    "delivered-at", delivered.delivered().toString(), "channel", delivered.channel()));
            default -> {
                // Policies and events added later say nothing about where things came from.
            }
        }
        return out.updates;
    }

    private static void started(Updates out, TrajectoryStarted started) {
        NodeId execution = execution(started.trajectoryId());
        NodeId trajectory = trajectory(started.trajectoryId());
        NodeId task = NodeId.of(NodeKind.TASK, started.taskId());
        out.node(execution, attributes("started-at", started.started() == null ? null : started.started().toString(),
                "source-format", started.sourceFormat()));
        out.node(trajectory, attributes("source-format", started.sourceFormat()));
        out.node(task);
        out.edge(USED, execution, task);
        out.edge(WAS_GENERATED_BY, trajectory, execution);
        NodeId actor = switch (started.actor()) {
            case Actor.Operator operator -> operator(operator.operatorId());
            case Actor.Agent agent -> NodeId.of(NodeKind.AGENT, agent.agent());
        };
        out.node(actor, started.actor() instanceof Actor.Agent agent
                ? attributes("version", agent.version()) : Map.of());
        out.edge(WAS_ASSOCIATED_WITH, execution, actor);
        out.edge(ACTED_ON_BEHALF_OF, actor, out.principal());
        if (started.model() != null) {
            NodeId model = NodeId.of(NodeKind.MODEL, started.model().provider(), started.model().id());
            out.node(model);
            out.edge(WAS_ASSOCIATED_WITH, execution, model);
            out.edge(ACTED_ON_BEHALF_OF, model, actor);
        }
        if (started.repository() != null) {
            NodeId repository = NodeId.of(NodeKind.REPOSITORY,
                    started.repository().url() + "@" + started.repository().commit());
            out.node(repository, attributes("url", started.repository().url(),
                    "commit", started.repository().commit(), "branch", started.repository().branch()));
            out.edge(USED, execution, repository);
        }
        if (started.parent() != null) {
            out.node(trajectory(started.parent()));
            out.edge(WAS_DERIVED_FROM, trajectory, trajectory(started.parent()), attributes("as", "subagent"));
        }
        if (started.continues() != null) {
            out.node(trajectory(started.continues()));
            out.edge(WAS_DERIVED_FROM, trajectory, trajectory(started.continues()), attributes("as", "continuation"));
        }
        out.associated(execution);
    }

    private static void steps(Updates out, StepsRecorded recorded) {
        if (recorded.steps().isEmpty()) {
            return;
        }
        List<Step> steps = recorded.steps();
        NodeId batch = NodeId.of(NodeKind.STEPS, recorded.trajectoryId(),
                steps.getFirst().index() + "-" + steps.getLast().index());
        TreeSet<String> kinds = new TreeSet<>();
        steps.forEach(step -> kinds.add(step.kind()));
        out.node(batch, attributes("count", (long) steps.size(), "first", steps.getFirst().index(),
                "last", steps.getLast().index(), "kinds", String.join(",", kinds)));
        out.node(execution(recorded.trajectoryId()));
        out.node(trajectory(recorded.trajectoryId()));
        out.edge(WAS_GENERATED_BY, batch, execution(recorded.trajectoryId()));
        out.edge(WAS_DERIVED_FROM, trajectory(recorded.trajectoryId()), batch);
    }

    private static void qaRecord(Updates out, String trajectoryId, NodeId activity, Map<String, Object> attributes) {
        NodeId record = qaRecord(trajectoryId);
        out.node(record, attributes);
        out.edge(WAS_GENERATED_BY, record, activity);
        out.edge(WAS_DERIVED_FROM, record, trajectory(trajectoryId));
    }

    private static NodeId trajectory(String id) {
        return NodeId.of(NodeKind.TRAJECTORY, id);
    }

    private static NodeId execution(String trajectoryId) {
        return NodeId.of(NodeKind.EXECUTION, trajectoryId);
    }

    private static NodeId qaRecord(String trajectoryId) {
        return NodeId.of(NodeKind.QA_RECORD, trajectoryId);
    }

    private static NodeId operator(String id) {
        return NodeId.of(NodeKind.OPERATOR, id);
    }

    private static NodeId dataset(String id) {
        return NodeId.of(NodeKind.DATASET, id);
    }

    /** Name-value pairs, the null values left out (an optional member the event does not have). */
    private static Map<String, Object> attributes(Object... pairs) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                attributes.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return attributes;
    }

    /** The updates of one event as they are collected. */
    private static final class Updates {

        private final LineageEvent event;
        private final List<GraphUpdate> updates = new ArrayList<>();

        Updates(LineageEvent event) {
            this.event = event;
        }

        void node(NodeId id) {
            updates.add(LineageNode.of(id));
        }

        void node(NodeId id, Map<String, Object> attributes) {
            updates.add(new LineageNode(id, attributes));
        }

        void edge(Relation relation, NodeId from, NodeId to) {
            updates.add(LineageEdge.of(relation, from, to));
        }

        void edge(Relation relation, NodeId from, NodeId to, Map<String, Object> attributes) {
            updates.add(new LineageEdge(relation, from, to, attributes));
        }

        NodeId principal() {
            NodeId principal = NodeId.of(NodeKind.PRINCIPAL, event.principal());
            updates.add(LineageNode.of(principal));
            return principal;
        }

        /** The principal of the event's statement recorded {@code activity}. */
        void associated(NodeId activity) {
            edge(WAS_ASSOCIATED_WITH, activity, principal());
        }

        /** An activity on a trajectory, one per event (keyed by the event id), that used the trajectory. */
        NodeId activityOn(NodeKind kind, String trajectoryId, Map<String, Object> attributes) {
            NodeId activity = NodeId.of(kind, trajectoryId, event.eventId());
            activity(activity, trajectoryId, attributes);
            return activity;
        }

        void activity(NodeId activity, String trajectoryId, Map<String, Object> attributes) {
            Map<String, Object> timed = new LinkedHashMap<>(attributes);
            timed.put("ended-at", event.recordedAt().toString());
            node(activity, timed);
            node(trajectory(trajectoryId));
            edge(USED, activity, trajectory(trajectoryId));
            associated(activity);
        }
    }
}
