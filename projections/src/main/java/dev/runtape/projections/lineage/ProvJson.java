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
import java.util.Arrays;
import java.util.EnumMap;
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
    private static final String PREFIX = "runtape:";
    // Names and values encoded once: every node repeats them.
    private static final SerializableString PROV_TYPE = new SerializedString("prov:type");
    private static final SerializableString DOLLAR = new SerializedString("$");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString QNAME = new SerializedString("xsd:QName");
    private static final Map<NodeKind, SerializableString> KIND_NAMES = kindNames();

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
                    json.writeFieldName(PROV_TYPE);
                    json.writeStartObject();
                    json.writeFieldName(DOLLAR);
                    json.writeString(KIND_NAMES.get(node.id().kind()));
                    json.writeFieldName(TYPE);
                    json.writeString(QNAME);
                    json.writeEndObject();
                    attributes(json, node.attributes(), type == ProvType.ACTIVITY);
                    json.writeEndObject();
                }
                if (open) {
                    json.writeEndObject();
                }
            }
            QualifiedName ends = new QualifiedName();
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
                    json.writeFieldName(relation.fromMember());
                    ends.write(json, edge.from());
                    json.writeFieldName(relation.toMember());
                    ends.write(json, edge.to());
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
        return PREFIX + id;
    }

    private static Map<NodeKind, SerializableString> kindNames() {
        Map<NodeKind, SerializableString> names = new EnumMap<>(NodeKind.class);
        for (NodeKind kind : NodeKind.values()) {
            names.put(kind, new SerializedString(PREFIX + kind.wire()));
        }
        return names;
    }

    /**
     * Writes qualified names as string values from one buffer, without making a string of each: a large lineage
     * names hundreds of thousands of edge ends.
     */
    private static final class QualifiedName {

        private char[] chars = PREFIX.toCharArray();

        void write(JsonGenerator json, NodeId id) throws IOException {
            String text = id.toString();
            int length = PREFIX.length() + text.length();
            if (chars.length < length) {
                chars = Arrays.copyOf(chars, Math.max(length, chars.length * 2));
            }
            text.getChars(0, text.length(), chars, PREFIX.length());
            json.writeString(chars, 0, length);
        }
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
