package dev.runtape.ledger.domain.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One step of a trajectory, as steps.cddl defines it (a message, a command, a file edit, ...). The domain only needs
 * a step's index; the step's shape is checked against the schema when its statement is appended, so the step keeps
 * its members as they are rather than in one Java type per kind.
 */
public final class Step implements JsonSerializable {

    private final ObjectNode members;

    private Step(ObjectNode members) {
        if (!members.path("index").canConvertToExactIntegral() || members.path("index").asLong() < 0) {
            throw new IllegalArgumentException("a step needs a non-negative integer \"index\": " + members);
        }
        this.members = members;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Step of(ObjectNode members) {
        return new Step(members.deepCopy());
    }

    /** The step's position in its trajectory, from 0. */
    public long index() {
        return members.path("index").asLong();
    }

    /** The step's kind, e.g. "message" or "command". */
    public String kind() {
        return members.path("kind").asText("");
    }

    /** A copy of the step's members. */
    public ObjectNode members() {
        return members.deepCopy();
    }

    /**
     * Writes the step as its members, with no copy of them: serialising only reads them, and it runs for every step
     * of every statement the ledger signs.
     */
    @Override
    public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
        members.serialize(out, provider);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        members.serializeWithType(out, provider, types);
    }

    /** One member, or a missing node. */
    public JsonNode get(String member) {
        return members.path(member).deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Step that && members.equals(that.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "Step" + members;
    }
}
