package dev.runtape.ledger.domain.trajectory;

import static dev.runtape.ledger.domain.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.common.PolicySet;
import dev.runtape.ledger.domain.common.PolicySubject;
import dev.runtape.ledger.domain.common.Step;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * One run of a task: open while steps are recorded, completed once, then checked, reviewed, labelled and redacted.
 * It keeps only what its invariants need; the steps themselves live in its statements.
 */
public class Trajectory {

    private enum Status { OPEN, COMPLETED }

    @AggregateIdentifier
    private String streamId;
    private String trajectoryId;
    private Status status = Status.OPEN;
    private long stepCount;
    /** Label id to whether it still holds. */
    private final Map<String, Boolean> labels = new HashMap<>();
    private QaReviewed.@Nullable Decision lastReview;
    private boolean redactionPending;

    protected Trajectory() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Trajectory(StartTrajectory command) {
        apply(new TrajectoryStarted(command.trajectoryId(), command.taskId(), command.actor(), command.model(),
                command.toolVersions(), command.repository(), command.started(), command.sourceFormat(),
                command.continues(), command.parent()));
    }

    @CommandHandler
    void handle(RecordSteps command) {
        requireOpen("record steps");
        require(!command.steps().isEmpty(), Rule.INVALID_COMMAND, "a batch of steps cannot be empty");
        long expected = stepCount;
        for (Step step : command.steps()) {
            require(step.index() == expected, Rule.STEP_OUT_OF_ORDER, "trajectory " + trajectoryId
                    + ": expected step " + expected + " next, got step " + step.index());
            expected++;
        }
        apply(new StepsRecorded(trajectoryId, command.steps()));
    }

    @CommandHandler
    void handle(AttachArtifact command) {
        requireOpen("attach an artifact");
        requireStep(command.step());
        apply(new ArtifactAttached(trajectoryId, command.step(), command.artifact()));
    }

    @CommandHandler
    void handle(CompleteTrajectory command) {
        requireOpen("complete it");
        apply(new TrajectoryCompleted(trajectoryId, command.outcome(), command.criteriaMet(), command.duration(),
                command.blockers(), command.finalDiff(), command.usage()));
    }

    @CommandHandler
    void handle(RecordQaCheck command) {
        requireCompleted("record a QA check");
        apply(new QaCheckRecorded(trajectoryId, command.check(), command.result(), command.flags(),
                command.details()));
    }

    @CommandHandler
    void handle(ReviewQa command) {
        requireCompleted("review it");
        apply(new QaReviewed(trajectoryId, command.decision(), command.reason(), command.reviewer()));
    }

    @CommandHandler
    void handle(ApplyLabel command) {
        require(!labels.containsKey(command.labelId()), Rule.DUPLICATE_LABEL,
                "trajectory " + trajectoryId + " already has a label \"" + command.labelId() + "\"");
        requireStep(command.step());
        apply(new LabelApplied(command.labelId(), trajectoryId, command.step(), command.category(), command.value(),
                command.comment()));
    }

    @CommandHandler
    void handle(RetractLabel command) {
        Boolean holds = labels.get(command.labelId());
        require(holds != null, Rule.UNKNOWN_SUBJECT,
                "trajectory " + trajectoryId + " has no label \"" + command.labelId() + "\"");
        require(holds, Rule.LABEL_ALREADY_RETRACTED, "label \"" + command.labelId() + "\" is already retracted");
        apply(new LabelRetracted(command.labelId(), trajectoryId, command.reason()));
    }

    @CommandHandler
    void handle(ApplyRedaction command) {
        require(!command.digests().isEmpty(), Rule.INVALID_COMMAND, "a redaction names at least one digest");
        apply(new RedactionApplied(trajectoryId, command.digests(), command.kind(), command.reason()));
    }

    @CommandHandler
    void handle(SetTrajectoryPolicy command) {
        apply(new PolicySet(PolicySubject.trajectory(trajectoryId), command.retentionUntil(), command.licence(),
                command.dataUse()));
    }

    /**
     * Why this trajectory may not enter a dataset now, or empty when it may: it must be accepted by its latest QA
     * review, and no redaction may be pending.
     */
    public Optional<RuleViolation> admissionBlocker() {
        if (lastReview != QaReviewed.Decision.ACCEPT) {
            return Optional.of(new RuleViolation(Rule.NOT_ACCEPTED_BY_QA, "trajectory " + trajectoryId
                    + (lastReview == null ? " has not been reviewed" : " was rejected by its latest QA review")));
        }
        if (redactionPending) {
            return Optional.of(new RuleViolation(Rule.REDACTION_PENDING, "trajectory " + trajectoryId
                    + " has a QA flag (secret or PII) that no redaction has resolved yet"));
        }
        return Optional.empty();
    }

    private void requireOpen(String action) {
        require(status == Status.OPEN, Rule.TRAJECTORY_NOT_OPEN,
                "cannot " + action + ": trajectory " + trajectoryId + " is already completed");
    }

    private void requireCompleted(String action) {
        require(status == Status.COMPLETED, Rule.TRAJECTORY_NOT_COMPLETED,
                "cannot " + action + ": trajectory " + trajectoryId + " is not completed yet");
    }

    private void requireStep(@Nullable Long step) {
        require(step == null || (step >= 0 && step < stepCount), Rule.UNKNOWN_STEP,
                "trajectory " + trajectoryId + " has no step " + step + " (it has " + stepCount + ")");
    }

    @EventSourcingHandler
    void on(TrajectoryStarted event) {
        streamId = Streams.trajectory(event.trajectoryId());
        trajectoryId = event.trajectoryId();
    }

    @EventSourcingHandler
    void on(StepsRecorded event) {
        stepCount += event.steps().size();
    }

    @EventSourcingHandler
    void on(TrajectoryCompleted event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(QaCheckRecorded event) {
        redactionPending |= event.requiresRedaction();
    }

    @EventSourcingHandler
    void on(QaReviewed event) {
        lastReview = event.decision();
    }

    @EventSourcingHandler
    void on(LabelApplied event) {
        labels.put(event.labelId(), true);
    }

    @EventSourcingHandler
    void on(LabelRetracted event) {
        labels.put(event.labelId(), false);
    }

    @EventSourcingHandler
    void on(RedactionApplied event) {
        redactionPending = false;
    }
}
