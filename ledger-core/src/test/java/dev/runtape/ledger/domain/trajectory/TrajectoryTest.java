package dev.runtape.ledger.domain.trajectory;

import static dev.runtape.ledger.domain.Violations.violates;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.verifier.Digest;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final String ID = "t-1";
    private static final TrajectoryStarted STARTED = new TrajectoryStarted(ID, "task-1",
            new Actor.Agent("swe-agent", "1.0"), null, null, null, null, null, null, null);
    private static final TrajectoryCompleted COMPLETED = new TrajectoryCompleted(ID,
            TrajectoryCompleted.Outcome.SUCCESS, List.of(), null, null, null, null);

    private FixtureConfiguration<Trajectory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trajectory.class);
    }

    static Step step(long index) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", "message").put("index", index).put("role", "assistant");
        return Step.of(node);
    }

    static StepsRecorded steps(long... indexes) {
        return new StepsRecorded(ID, java.util.Arrays.stream(indexes).mapToObj(TrajectoryTest::step).toList());
    }


    @Test
    void startingATrajectoryRecordsWhoRunsWhichTask() {
        fixture.givenNoPriorActivity()
                .when(new StartTrajectory(ID, "task-1", new Actor.Agent("swe-agent", "1.0"), null, null, null, null,
                        null, null, null))
                .expectEvents(STARTED);
    }

    @Test
    void stepsAreRecordedWhileTheTrajectoryIsOpen() {
        fixture.given(STARTED, steps(0, 1))
                .when(new RecordSteps(ID, List.of(step(2), step(3))))
                .expectEvents(steps(2, 3));
    }

    @Test
    void stepsAreRefusedOnceTheTrajectoryIsCompleted() {
        violates(fixture.given(STARTED, steps(0), COMPLETED).when(new RecordSteps(ID, List.of(step(1)))),
                Rule.TRAJECTORY_NOT_OPEN);
    }

    @Test
    void stepsMustContinueAtTheNextIndexWithoutGapOrRepeat() {
        violates(fixture.given(STARTED, steps(0, 1)).when(new RecordSteps(ID, List.of(step(3)))),
                Rule.STEP_OUT_OF_ORDER);
        violates(fixture.given(STARTED, steps(0, 1)).when(new RecordSteps(ID, List.of(step(1)))),
                Rule.STEP_OUT_OF_ORDER);
        violates(fixture.given(STARTED).when(new RecordSteps(ID, List.of(step(0), step(2)))),
                Rule.STEP_OUT_OF_ORDER);
    }

    @Test
    void aTrajectoryCompletesOnlyOnce() {
        violates(fixture.given(STARTED, COMPLETED).when(new CompleteTrajectory(ID,
                TrajectoryCompleted.Outcome.FAILURE, List.of(), null, null, null, null)), Rule.TRAJECTORY_NOT_OPEN);
    }

    @Test
    void qaChecksAndReviewsWaitUntilTheTrajectoryIsCompleted() {
        violates(fixture.given(STARTED).when(new RecordQaCheck(ID, "tests-pass", QaCheckRecorded.Result.PASS, null,
                null)), Rule.TRAJECTORY_NOT_COMPLETED);
        violates(fixture.given(STARTED).when(new ReviewQa(ID, QaReviewed.Decision.ACCEPT, "fine", "reviewer-1")),
                Rule.TRAJECTORY_NOT_COMPLETED);
        fixture.given(STARTED, COMPLETED)
                .when(new ReviewQa(ID, QaReviewed.Decision.ACCEPT, "fine", "reviewer-1"))
                .expectEvents(new QaReviewed(ID, QaReviewed.Decision.ACCEPT, "fine", "reviewer-1"));
    }

    @Test
    void aLabelOnAStepNeedsThatStepToExist() {
        violates(fixture.given(STARTED, steps(0, 1)).when(new ApplyLabel(ID, "l-1", 2L,
                LabelApplied.Category.FAILURE, "wrong-file-edited", null)), Rule.UNKNOWN_STEP);
        fixture.given(STARTED, steps(0, 1))
                .when(new ApplyLabel(ID, "l-1", 1L, LabelApplied.Category.FAILURE, "wrong-file-edited", null))
                .expectEvents(new LabelApplied("l-1", ID, 1L, LabelApplied.Category.FAILURE, "wrong-file-edited",
                        null));
    }

    @Test
    void aLabelOnAnUnknownTrajectoryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ApplyLabel("missing", "l-1", null, LabelApplied.Category.COMMENT, "x", null))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void aRetractedLabelStaysInHistoryAndCannotBeRetractedAgain() {
        LabelApplied applied = new LabelApplied("l-1", ID, null, LabelApplied.Category.PROCESS, "hypothesis-tested",
                null);
        fixture.given(STARTED, applied)
                .when(new RetractLabel(ID, "l-1", "mislabelled"))
                .expectEvents(new LabelRetracted("l-1", ID, "mislabelled"));
        violates(fixture.given(STARTED, applied, new LabelRetracted("l-1", ID, "mislabelled"))
                .when(new RetractLabel(ID, "l-1", "again")), Rule.LABEL_ALREADY_RETRACTED);
        violates(fixture.given(STARTED, applied, new LabelRetracted("l-1", ID, "mislabelled"))
                .when(new ApplyLabel(ID, "l-1", null, LabelApplied.Category.PROCESS, "reused", null)),
                Rule.DUPLICATE_LABEL);
    }

    @Test
    void admissionNeedsAnAcceptingLatestReviewAndNoPendingRedaction() {
        QaCheckRecorded secretFound = new QaCheckRecorded(ID, "secret-scan", QaCheckRecorded.Result.FAIL,
                List.of("secret"), null);
        QaReviewed accepted = new QaReviewed(ID, QaReviewed.Decision.ACCEPT, "ok", "r");
        QaReviewed rejected = new QaReviewed(ID, QaReviewed.Decision.REJECT, "no", "r");
        RedactionApplied redacted = new RedactionApplied(ID, List.of(Digest.sha256(new byte[] {1})),
                RedactionApplied.Kind.REDACT, "secret");

        Trajectory trajectory = completed();
        assertThat(blocker(trajectory)).contains(Rule.NOT_ACCEPTED_BY_QA);
        trajectory.on(accepted);
        assertThat(blocker(trajectory)).isEmpty();
        trajectory.on(rejected);
        assertThat(blocker(trajectory)).contains(Rule.NOT_ACCEPTED_BY_QA);

        trajectory = completed();
        trajectory.on(secretFound);
        trajectory.on(accepted);
        assertThat(blocker(trajectory)).contains(Rule.REDACTION_PENDING);
        trajectory.on(redacted);
        assertThat(blocker(trajectory)).isEmpty();
    }

    /** A completed trajectory, rebuilt from its events as Axon rebuilds it. */
    private static Trajectory completed() {
        Trajectory trajectory = new Trajectory();
        trajectory.on(STARTED);
        trajectory.on(COMPLETED);
        return trajectory;
    }

    private static java.util.Optional<Rule> blocker(Trajectory trajectory) {
        return trajectory.admissionBlocker().map(RuleViolation::rule);
    }

    @Test
    void aContentRefInAnEventKeepsItsDigest() {
        ContentRef ref = new ContentRef(Digest.sha256(new byte[] {7}), "text/plain", 1L);
        fixture.given(STARTED, COMPLETED)
                .when(new RecordQaCheck(ID, "pii-scan", QaCheckRecorded.Result.PASS, null, ref))
                .expectEvents(new QaCheckRecorded(ID, "pii-scan", QaCheckRecorded.Result.PASS, null, ref));
    }
}
