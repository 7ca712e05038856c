package dev.runtape.ledger.domain;

/** The domain's invariants, one constant each: what a {@link RuleViolation} broke. */
public enum Rule {
    /** A command named a task, trajectory, label or export that does not exist. */
    UNKNOWN_SUBJECT,
    /** Steps, artifacts and completion only while a trajectory is open. */
    TRAJECTORY_NOT_OPEN,
    /** QA checks and reviews only after a trajectory is completed. */
    TRAJECTORY_NOT_COMPLETED,
    /** Steps come in order: each batch continues at the next index, without gaps or repeats. */
    STEP_OUT_OF_ORDER,
    /** A label or artifact on a step needs a recorded step. */
    UNKNOWN_STEP,
    /** A label id is used once per trajectory. */
    DUPLICATE_LABEL,
    /** A retracted label stays retracted: it cannot be retracted twice. */
    LABEL_ALREADY_RETRACTED,
    /** A trajectory enters a dataset only after QA accepted it. */
    NOT_ACCEPTED_BY_QA,
    /** ... and while no redaction on it is pending. */
    REDACTION_PENDING,
    /** A trajectory is admitted to a dataset once. */
    ALREADY_ADMITTED,
    /** A split is assigned only to an admitted trajectory. */
    NOT_ADMITTED,
    /** A dataset version with a sealed export never changes: no admission, split or policy after sealing. */
    DATASET_SEALED,
    /** A sealed export never changes: its id cannot be sealed again. */
    EXPORT_ALREADY_SEALED,
    /** An export is delivered to the recipient it was sealed for. */
    WRONG_RECIPIENT,
    /** The command itself is malformed (an empty batch, a negative count). */
    INVALID_COMMAND
}
