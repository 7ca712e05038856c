package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A lineage answer as a PROV-JSON document (W3C Member Submission, 2013): the {@code prefix} block, then
 * {@code entity}, {@code activity} and {@code agent} keyed by qualified name, and one member per relation whose
 * records, keyed by blank ids ({@code _:r1}), name their ends with PROV's attributes ({@code prov:entity},
 * {@code prov:activity}, {@code prov:generatedEntity}, ...). Written as a stream, not built as a tree: the lineage of a
 * large dataset is tens of megabytes.
 *
 * <p>A node's qualified name is {@code runtape:} and its id; its {@code prov:type} is its kind as a qualified name
 * ({@code runtape:operator}); its attributes are {@code runtape:} ones, except an activity's start and end, which
 * are {@code prov:startTime} and {@code prov:endTime}.
 */
public final class ProvJson {

    /** The media type PROV-JSON is served as. */
    public static final String MEDIA_TYPE = "application/prov+json";
    /** The namespace of Runtape's qualified names. */
    public static final String NAMESPACE = "urn:runtape:";

    private static final JsonFactory JSON = new JsonFactory();

    private ProvJson() {
    }

    /** The document as UTF-8 bytes. */
    public static byte[] bytes(LineageView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * (view.nodes().size() + view.edges().size()));
        try {
            write(view, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the document to {@code out}, which stays open. */
    public static void write(LineageView view, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeObjectFieldStart("prefix");
            json.writeStringField("runtape", NAMESPACE);
            json.writeStringField("prov", "http://www.w3.org/ns/prov#");
            json.writeStringField("xsd", "http://www.w3.org/2001/XMLSchema#");
            json.writeEndObject();
            for (ProvType type : ProvType.values()) {
                boolean open = false;
                for (LineageNode node : view.nodes()) {
                    if (node.prov() != type) {
                        continue;
                    }
                    if (!open) {
                        json.writeObjectFieldStart(type.wire());
                        open = true;
                    }
                    json.writeObjectFieldStart(name(node.id()));
                    json.writeObjectFieldStart("prov:type");
                    json.writeStringField("$", "runtape:" + node.id().kind().wire());
                    json.writeStringField("type", "xsd:QName");
                    json.writeEndObject();
                    attributes(json, node.attributes(), type == ProvType.ACTIVITY);
                    json.writeEndObject();
                }
                if (open) {
                    json.writeEndObject();
                }
            }
            int blank = 0;
            for (Relation relation : Relation.values()) {
                boolean open = false;
                for (LineageEdge edge : view.edges()) {
                    if (edge.relation() != relation) {
                        continue;
                    }
                    if (!open) {
                        json.writeObjectFieldStart(relation.wire());
                        open = true;
                    }
                    json.writeObjectFieldStart("_:r" + ++blank);
                    json.writeStringField(relation.fromMember(), name(edge.from()));
                    json.writeStringField(relation.toMember(), name(edge.to()));
                    attributes(json, edge.attributes(), false);
                    json.writeEndObject();
                }
                if (open) {
                    json.writeEndObject();
                }
            }
            json.writeEndObject();
        }
    }

    /** The qualified name of a node: {@code runtape:trajectory/t-1}. */
    public static String name(NodeId id) {
        return "runtape:" + id;
    }

    private static void attributes(JsonGenerator json, Map<String, Object> attributes, boolean activity)
            throws IOException {
        if (attributes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            String name = switch (attribute.getKey()) {
                case "started-at" -> activity ? "prov:startTime" : "runtape:started-at";
                case "ended-at" -> activity ? "prov:endTime" : "runtape:ended-at";
                default -> "runtape:" + attribute.getKey();
            };
            switch (attribute.getValue()) {
                case Long number -> json.writeNumberField(name, number);
                case Boolean flag -> json.writeBooleanField(name, flag);
                default -> json.writeStringField(name, attribute.getValue().toString());
            }
        }
    }
}
