package dev.runtape.ledger.domain.dataset;

import static dev.runtape.ledger.domain.Violations.violates;

import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.verifier.Digest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dataset's own invariants. Whether a trajectory is admissible is the trajectory's decision; here a stand-in
 * {@link AdmissionCheck} answers from a fixed set of accepted trajectories (the real check, through the trajectory
 * aggregate, runs in the ledger's integration tests).
 */
class DatasetTest {

    private static final String ID = "d-1";
    private static final DatasetDefined DEFINED = new DatasetDefined(ID, "swe-train", "2026.11", "training", null);
    private static final ExportSealed SEALED = new ExportSealed(ID, "e-1", Digest.sha256(new byte[] {1}),
            new CheckpointRef(10, Digest.sha256(new byte[] {2})), "client-a", "training");

    private FixtureConfiguration<Dataset> fixture;

    @BeforeEach
    void setUp() {
        Set<String> accepted = Set.of("accepted");
        fixture = new AggregateTestFixture<>(Dataset.class);
        fixture.registerInjectableResource((AdmissionCheck) trajectoryId -> accepted.contains(trajectoryId)
                ? Optional.empty()
                : Optional.of(new RuleViolation(Rule.NOT_ACCEPTED_BY_QA, trajectoryId + " is not accepted")));
    }


    @Test
    void anAcceptedTrajectoryIsAdmittedOnce() {
        fixture.given(DEFINED)
                .when(new AdmitTrajectory(ID, "accepted", Split.TRAIN))
                .expectEvents(new TrajectoryAdmitted(ID, "accepted", Split.TRAIN));
        violates(fixture.given(DEFINED, new TrajectoryAdmitted(ID, "accepted", null))
                .when(new AdmitTrajectory(ID, "accepted", null)), Rule.ALREADY_ADMITTED);
    }

    @Test
    void theTrajectorysOwnVerdictStopsAnAdmission() {
        violates(fixture.given(DEFINED).when(new AdmitTrajectory(ID, "unreviewed", null)), Rule.NOT_ACCEPTED_BY_QA);
    }

    @Test
    void aSplitIsAssignedOnlyToAnAdmittedTrajectory() {
        violates(fixture.given(DEFINED).when(new AssignSplit(ID, "accepted", Split.EVAL)), Rule.NOT_ADMITTED);
        fixture.given(DEFINED, new TrajectoryAdmitted(ID, "accepted", null))
                .when(new AssignSplit(ID, "accepted", Split.EVAL))
                .expectEvents(new SplitAssigned(ID, "accepted", Split.EVAL));
    }

    @Test
    void aSealedExportNeverChanges() {
        violates(fixture.given(DEFINED, SEALED).when(new SealExport(ID, "e-1", Digest.sha256(new byte[] {9}),
                new CheckpointRef(11, Digest.sha256(new byte[] {3})), "client-a", null)),
                Rule.EXPORT_ALREADY_SEALED);
    }

    @Test
    void aDatasetWithASealedExportAdmitsNothingMore() {
        violates(fixture.given(DEFINED, SEALED).when(new AdmitTrajectory(ID, "accepted", null)),
                Rule.DATASET_SEALED);
        violates(fixture.given(DEFINED, new TrajectoryAdmitted(ID, "accepted", null), SEALED)
                .when(new AssignSplit(ID, "accepted", Split.TRAIN)), Rule.DATASET_SEALED);
        violates(fixture.given(DEFINED, SEALED).when(new SetDatasetPolicy(ID, null, "MIT", null)),
                Rule.DATASET_SEALED);
    }

    @Test
    void anExportIsDeliveredOnlyWhenSealedAndToItsRecipient() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        violates(fixture.given(DEFINED).when(new DeliverExport(ID, "e-1", "client-a", now, null)),
                Rule.UNKNOWN_SUBJECT);
        violates(fixture.given(DEFINED, SEALED).when(new DeliverExport(ID, "e-1", "client-b", now, null)),
                Rule.WRONG_RECIPIENT);
        fixture.given(DEFINED, SEALED)
                .when(new DeliverExport(ID, "e-1", "client-a", now, "sftp"))
                .expectEvents(new ExportDelivered(ID, "e-1", "client-a", now, "sftp"));
    }
}
