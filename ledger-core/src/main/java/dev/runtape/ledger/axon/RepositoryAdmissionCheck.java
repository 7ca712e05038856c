package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.dataset.AdmissionCheck;
import dev.runtape.ledger.domain.trajectory.Trajectory;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Asks the trajectory itself, loaded from its stream, whether it may enter a dataset. */
final class RepositoryAdmissionCheck implements AdmissionCheck {

    private final Repository<Trajectory> trajectories;

    RepositoryAdmissionCheck(Repository<Trajectory> trajectories) {
        this.trajectories = trajectories;
    }

    @Override
    public Optional<RuleViolation> blocker(String trajectoryId) {
        try {
            return trajectories.load(Streams.trajectory(trajectoryId)).invoke(Trajectory::admissionBlocker);
        } catch (AggregateNotFoundException e) {
            return Optional.of(new RuleViolation(Rule.UNKNOWN_SUBJECT, "there is no trajectory " + trajectoryId));
        }
    }
}
