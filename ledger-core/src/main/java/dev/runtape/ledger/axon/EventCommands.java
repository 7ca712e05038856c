package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.common.PolicySet;
import dev.runtape.ledger.domain.dataset.AdmitTrajectory;
import dev.runtape.ledger.domain.dataset.AssignSplit;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.dataset.DefineDataset;
import dev.runtape.ledger.domain.dataset.DeliverExport;
import dev.runtape.ledger.domain.dataset.ExportDelivered;
import dev.runtape.ledger.domain.dataset.ExportSealed;
import dev.runtape.ledger.domain.dataset.SealExport;
import dev.runtape.ledger.domain.dataset.SetDatasetPolicy;
import dev.runtape.ledger.domain.dataset.SplitAssigned;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.domain.operator.OperatorEnrolled;
import dev.runtape.ledger.domain.operator.OperatorQualified;
import dev.runtape.ledger.domain.operator.QualifyOperator;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.domain.trajectory.ArtifactAttached;
import dev.runtape.ledger.domain.trajectory.AttachArtifact;
import dev.runtape.ledger.domain.trajectory.CompleteTrajectory;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.LabelRetracted;
import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RecordQaCheck;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.RetractLabel;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.domain.trajectory.SetTrajectoryPolicy;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;

/**
 * The command that makes an aggregate apply exactly a given event: how a statement a producer signed enters the
 * domain. The aggregate checks its invariants as for any command, and the storage engine then stores the producer's
 * statement only if the event the aggregate applied is the one the statement says.
 */
final class EventCommands {

    private EventCommands() {
    }

    static Object commandFor(Object event) {
        return switch (event) {
            case TaskDefined e -> new DefineTask(e.taskId(), e.prompt(), e.family(), e.successCriteria(),
                    e.repository(), e.environment());
            case OperatorEnrolled e -> new EnrolOperator(e.operatorId(), e.cohort());
            case OperatorQualified e -> new QualifyOperator(e.operatorId(), e.qualification(), e.level(),
                    e.validUntil());
            case TrajectoryStarted e -> new StartTrajectory(e.trajectoryId(), e.taskId(), e.actor(), e.model(),
                    e.toolVersions(), e.repository(), e.started(), e.sourceFormat(), e.continues(), e.parent());
            case StepsRecorded e -> new RecordSteps(e.trajectoryId(), e.steps());
            case ArtifactAttached e -> new AttachArtifact(e.trajectoryId(), e.step(), e.artifact());
            case TrajectoryCompleted e -> new CompleteTrajectory(e.trajectoryId(), e.outcome(), e.criteriaMet(),
                    e.duration(), e.blockers(), e.finalDiff(), e.usage());
            case QaCheckRecorded e -> new RecordQaCheck(e.trajectoryId(), e.check(), e.result(), e.flags(),
                    e.details());
            case QaReviewed e -> new ReviewQa(e.trajectoryId(), e.decision(), e.reason(), e.reviewer());
            case LabelApplied e -> new ApplyLabel(e.trajectoryId(), e.labelId(), e.step(), e.category(), e.value(),
                    e.comment());
            case LabelRetracted e -> new RetractLabel(e.trajectoryId(), e.labelId(), e.reason());
            case RedactionApplied e -> new ApplyRedaction(e.trajectoryId(), e.digests(), e.kind(), e.reason());
            case PolicySet e when e.subject().trajectoryId() != null -> new SetTrajectoryPolicy(
                    e.subject().trajectoryId(), e.retentionUntil(), e.licence(), e.dataUse());
            case PolicySet e -> new SetDatasetPolicy(java.util.Objects.requireNonNull(e.subject().datasetId()),
                    e.retentionUntil(), e.licence(), e.dataUse());
            case SplitAssigned e -> new AssignSplit(e.datasetId(), e.trajectoryId(), e.split());
            case DatasetDefined e -> new DefineDataset(e.datasetId(), e.name(), e.version(), e.purpose(),
                    e.description());
            case TrajectoryAdmitted e -> new AdmitTrajectory(e.datasetId(), e.trajectoryId(), e.split());
            case ExportSealed e -> new SealExport(e.datasetId(), e.exportId(), e.manifestDigest(), e.checkpoint(),
                    e.recipient(), e.purpose());
            case ExportDelivered e -> new DeliverExport(e.datasetId(), e.exportId(), e.recipient(), e.delivered(),
                    e.channel());
            default -> throw new IllegalArgumentException(event.getClass().getName() + " is not an event");
        };
    }
}
