package dev.runtape.api.security;

import java.util.Locale;

/**
 * What a principal may do. Every role works inside the principal's tenant only; {@link #ADMIN} may do everything
 * there and also manage API keys and producer keys.
 */
public enum Role {
    /** Capture services: tasks, operators, trajectories, steps, artifacts, completion, signed statements. */
    PRODUCER,
    /** QA: automated checks and reviews. */
    REVIEWER,
    /** Labels, applied and retracted. */
    LABELER,
    /** Redactions. */
    REDACTOR,
    /** Datasets, admissions, splits, policies and exports. */
    CURATOR,
    /** Reads and audits only. */
    AUDITOR,
    /** Everything in its tenant, and key management. */
    ADMIN;

    /** The Spring Security authority: {@code ROLE_PRODUCER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named in lower case, as API keys and token claims name it ({@code "producer"}). */
    public static Role named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no role \"" + name + "\"; the roles are producer, reviewer, labeler, "
                    + "redactor, curator, auditor and admin", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
