package dev.runtape.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a principal may do. Every role works inside the principal's tenant only; {@link #ADMIN} may do everything
 * there and also manage API keys and producer keys, and is the one role that may issue an API key for another tenant
 * (how a new tenant gets its first keys). Written in lower case on the wire ({@code "producer"}).
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
    @JsonCreator
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role \"" + name + "\"; the roles are producer, reviewer, labeler, "
                + "redactor, curator, auditor and admin");
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
