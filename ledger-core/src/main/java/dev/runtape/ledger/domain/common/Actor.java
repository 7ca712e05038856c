package dev.runtape.ledger.domain.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;

/** Who performed a trajectory: a human operator or an agent (common.cddl, {@code actor}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(Actor.Operator.class), @JsonSubTypes.Type(Actor.Agent.class)})
public sealed interface Actor {

    /** A human operator, by pseudonym. */
    @JsonTypeName("operator")
    record Operator(String operatorId) implements Actor {
    }

    /** An agent, e.g. "swe-agent" or "claude-code". */
    @JsonTypeName("agent")
    record Agent(String agent, @Nullable String version) implements Actor {
    }
}
