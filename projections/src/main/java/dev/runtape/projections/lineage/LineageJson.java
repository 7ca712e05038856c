package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * A lineage answer as Runtape's JSON (decision 0021): {@code root}, {@code direction}, {@code depth}, the projection
 * {@code position} it was answered at, {@code nodes: [{id, prov, kind, attributes}]} (the root first) and
 * {@code edges: [{relation, from, to, attributes}]}, PROV's way round. Written as a stream, straight from the view:
 * the lineage of a large dataset is hundreds of thousands of nodes and edges, and a tree of it (or records mapped by
 * a data binder) would be built only to be thrown away.
 */
public final class LineageJson {

    private static final JsonFactory JSON = new JsonFactory();
    // Each node and edge is written as fragments (JsonFragments): its fixed parts made once, its ids and attribute
    // names encoded once, so a large answer is mostly copied bytes.
    private static final Map<NodeKind, SerializableString> NODE_KINDS = nodeKinds();
    private static final Map<Relation, SerializableString> EDGE_STARTS = edgeStarts();
    private static final SerializableString NODE_START = JsonFragments.of("{\"id\":");
    private static final SerializableString EDGE_TO = JsonFragments.of(",\"to\":");
    private static final SerializableString ATTRIBUTES = JsonFragments.of(",\"attributes\":{");
    private static final SerializableString NO_ATTRIBUTES = JsonFragments.of(",\"attributes\":{}}");
    private static final EncodedNames ATTRIBUTE_NAMES = new EncodedNames(name -> name);

    private LineageJson() {
    }

    /** The answer as UTF-8 bytes. */
    public static byte[] bytes(LineageView view, long position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * (view.nodes().size() + view.edges().size()));
        try {
            write(view, position, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the answer to {@code out}, which stays open. */
    public static void write(LineageView view, long position, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("root", view.query().root().toString());
            json.writeStringField("direction", view.query().direction().wire());
            json.writeNumberField("depth", view.query().depth());
            json.writeNumberField("position", position);
            json.writeArrayFieldStart("nodes");
            boolean first = true;
            for (LineageNode node : view.nodes()) {
                if (!first) {
                    json.writeRaw(',');
                }
                first = false;
                json.writeRaw(NODE_START);
                json.writeRaw(node.id().json());
                json.writeRaw(NODE_KINDS.get(node.id().kind()));
                attributes(json, node.attributes());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            first = true;
            for (LineageEdge edge : view.edges()) {
                if (!first) {
                    json.writeRaw(',');
                }
                first = false;
                json.writeRaw(EDGE_STARTS.get(edge.relation()));
                json.writeRaw(edge.from().json());
                json.writeRaw(EDGE_TO);
                json.writeRaw(edge.to().json());
                attributes(json, edge.attributes());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** {@code ,"attributes":{...}} and the end of the node or edge. */
    private static void attributes(JsonGenerator json, Map<String, Object> attributes) throws IOException {
        if (attributes.isEmpty()) { // most edges
            json.writeRaw(NO_ATTRIBUTES);
            return;
        }
        json.writeRaw(ATTRIBUTES);
        boolean first = true;
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (!first) {
                json.writeRaw(',');
            }
            first = false;
            JsonFragments.member(json, attribute.getKey(), attribute.getValue(), ATTRIBUTE_NAMES);
        }
        json.writeRaw("}}");
    }

    /** {@code ,"prov":"TYPE","kind":"KIND"} of each kind. */
    private static Map<NodeKind, SerializableString> nodeKinds() {
        Map<NodeKind, SerializableString> fragments = new EnumMap<>(NodeKind.class);
        for (NodeKind kind : NodeKind.values()) {
            fragments.put(kind, JsonFragments.of(",\"prov\":" + JsonFragments.quoted(kind.prov().wire())
                    + ",\"kind\":" + JsonFragments.quoted(kind.wire())));
        }
        return fragments;
    }

    /** {@code {"relation":"RELATION","from":} of each relation. */
    private static Map<Relation, SerializableString> edgeStarts() {
        Map<Relation, SerializableString> fragments = new EnumMap<>(Relation.class);
        for (Relation relation : Relation.values()) {
            fragments.put(relation, JsonFragments.of("{\"relation\":" + JsonFragments.quoted(relation.wire())
                    + ",\"from\":"));
        }
        return fragments;
    }
}
