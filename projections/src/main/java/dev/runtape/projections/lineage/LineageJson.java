package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
    // Names encoded once: every node and edge repeats them.
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString PROV = new SerializedString("prov");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializableString RELATION = new SerializedString("relation");
    private static final SerializableString FROM = new SerializedString("from");
    private static final SerializableString TO = new SerializedString("to");
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
            for (LineageNode node : view.nodes()) {
                json.writeStartObject();
                json.writeFieldName(ID);
                json.writeString(node.id().json());
                json.writeFieldName(PROV);
                json.writeString(node.prov().wire());
                json.writeFieldName(KIND);
                json.writeString(node.id().kind().wire());
                attributes(json, node.attributes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            for (LineageEdge edge : view.edges()) {
                json.writeStartObject();
                json.writeFieldName(RELATION);
                json.writeString(edge.relation().wire());
                json.writeFieldName(FROM);
                json.writeString(edge.from().json());
                json.writeFieldName(TO);
                json.writeString(edge.to().json());
                attributes(json, edge.attributes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void attributes(JsonGenerator json, Map<String, Object> attributes) throws IOException {
        json.writeFieldName(ATTRIBUTES);
        json.writeStartObject();
        if (attributes.isEmpty()) { // most edges: no iterator to make
            json.writeEndObject();
            return;
        }
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            json.writeFieldName(ATTRIBUTE_NAMES.of(attribute.getKey()));
            switch (attribute.getValue()) {
                case Long number -> json.writeNumber(number);
                case Boolean flag -> json.writeBoolean(flag);
                default -> json.writeString(attribute.getValue().toString());
            }
        }
        json.writeEndObject();
    }
}
