package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.RuleViolation;
import java.util.Optional;

/**
 * Whether a trajectory may enter a dataset now, as its own aggregate decides: the dataset asks, because the rule
 * (accepted by QA, no redaction pending) belongs to the trajectory. Injected into the dataset's command handler.
 */
@FunctionalInterface
public interface AdmissionCheck {

    /** Why the trajectory may not be admitted, or empty when it may. */
    Optional<RuleViolation> blocker(String trajectoryId);
}
