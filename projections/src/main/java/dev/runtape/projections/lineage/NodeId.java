package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.SerializableString;
import org.jspecify.annotations.Nullable;

/**
 * A node's id: its kind and a key unique among nodes of that kind in one tenant, written {@code KIND/KEY}
 * ({@code trajectory/t-1}, {@code export/d-1/e-1}). Keys may hold {@code /}; the kind never does.
 */
public final class NodeId {

    private final NodeKind kind;
    private final String key;
    /** {@code KIND/KEY}, made once: every rendering writes it, for each node and each end of each edge. */
    private final String text;
    // Its JSON string and PROV-JSON qualified name as JSON fragments, quoted and encoded once, on first use: the
    // graph shares one id among a node and its edges' ends, so a large answer copies bytes instead of encoding each
    // name again. Racing threads make equal values; either may stay.
    private @Nullable SerializableString json;
    private @Nullable SerializableString qualified;

    public NodeId(NodeKind kind, String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a node of kind " + kind.wire() + " needs a key");
        }
        this.kind = kind;
        this.key = key;
        this.text = kind.wire() + "/" + key;
    }

    public NodeKind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public static NodeId of(NodeKind kind, String... parts) {
        return new NodeId(kind, String.join("/", parts));
    }

    /**
     * Reads {@code KIND/KEY}.
     *
     * @throws IllegalArgumentException if the kind is not one or the key is empty
     */
    public static NodeId parse(String id) {
        int slash = id.indexOf('/');
        if (slash < 1 || slash == id.length() - 1) {
            throw new IllegalArgumentException("node id: expected KIND/KEY, found \"" + id + "\"");
        }
        NodeKind kind = NodeKind.fromWire(id.substring(0, slash)).orElseThrow(() -> new IllegalArgumentException(
                "node id: expected a kind of node, found \"" + id.substring(0, slash) + "\""));
        return new NodeId(kind, id.substring(slash + 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeId id && kind == id.kind && key.equals(id.key);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + key.hashCode();
    }

    /** {@code "KIND/KEY"}, the JSON string, as a fragment ({@link JsonFragments}). */
    SerializableString json() {
        SerializableString encoded = json;
        if (encoded == null) {
            encoded = JsonFragments.of(JsonFragments.quoted(text));
            json = encoded;
        }
        return encoded;
    }

    /** {@code "runtape:KIND/KEY"}, PROV-JSON's qualified name as a JSON string, as a fragment. */
    SerializableString qualifiedName() {
        SerializableString encoded = qualified;
        if (encoded == null) {
            encoded = JsonFragments.of(JsonFragments.quoted(ProvJson.name(this)));
            qualified = encoded;
        }
        return encoded;
    }

    /** {@code KIND/KEY}. */
    @Override
    public String toString() {
        return text;
    }
}
