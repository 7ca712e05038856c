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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
    private static final EncodedNames ATTRIBUTES = new EncodedNames(name -> PREFIX + name);
    /** An activity's start and end are PROV's own. */
    private static final EncodedNames ACTIVITY_ATTRIBUTES = new EncodedNames(name -> switch (name) {
        case "started-at" -> "prov:startTime";
        case "ended-at" -> "prov:endTime";
        default -> PREFIX + name;
    });

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
            // One pass over the answer sorts it into PROV-JSON's blocks, in the answer's order within each.
            Map<ProvType, List<LineageNode>> byType = new EnumMap<>(ProvType.class);
            for (LineageNode node : view.nodes()) {
                byType.computeIfAbsent(node.prov(), type -> new ArrayList<>()).add(node);
            }
            for (Map.Entry<ProvType, List<LineageNode>> block : byType.entrySet()) {
                boolean activity = block.getKey() == ProvType.ACTIVITY;
                json.writeObjectFieldStart(block.getKey().wire());
                for (LineageNode node : block.getValue()) {
                    json.writeFieldName(node.id().qualifiedName());
                    json.writeStartObject();
                    json.writeFieldName(PROV_TYPE);
                    json.writeStartObject();
                    json.writeFieldName(DOLLAR);
                    json.writeString(KIND_NAMES.get(node.id().kind()));
                    json.writeFieldName(TYPE);
                    json.writeString(QNAME);
                    json.writeEndObject();
                    attributes(json, node.attributes(), activity);
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            Map<Relation, List<LineageEdge>> byRelation = new EnumMap<>(Relation.class);
            for (LineageEdge edge : view.edges()) {
                byRelation.computeIfAbsent(edge.relation(), relation -> new ArrayList<>()).add(edge);
            }
            int blank = 0;
            for (Map.Entry<Relation, List<LineageEdge>> block : byRelation.entrySet()) {
                Relation relation = block.getKey();
                json.writeObjectFieldStart(relation.wire());
                for (LineageEdge edge : block.getValue()) {
                    json.writeObjectFieldStart("_:r" + ++blank);
                    json.writeFieldName(relation.fromMember());
                    json.writeString(edge.from().qualifiedName());
                    json.writeFieldName(relation.toMember());
                    json.writeString(edge.to().qualifiedName());
                    attributes(json, edge.attributes(), false);
                    json.writeEndObject();
                }
                json.writeEndObject();
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

    private static void attributes(JsonGenerator json, Map<String, Object> attributes, boolean activity)
            throws IOException {
        if (attributes.isEmpty()) {
            return;
        }
        EncodedNames names = activity ? ACTIVITY_ATTRIBUTES : ATTRIBUTES;
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            json.writeFieldName(names.of(attribute.getKey()));
            switch (attribute.getValue()) {
                case Long number -> json.writeNumber(number);
                case Boolean flag -> json.writeBoolean(flag);
                default -> json.writeString(attribute.getValue().toString());
            }
        }
    }
}
