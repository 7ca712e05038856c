package dev.runtape.ledger.domain;

/**
 * A command broke an invariant of the domain, and nothing was recorded. Unchecked, because Axon passes command
 * handler exceptions through to the caller as they are.
 */
public final class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** Throws a violation of {@code rule} unless {@code condition} holds. */
    public static void require(boolean condition, Rule rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }
}
