package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
    /** The start of a relation's record, its blank node's name up to its number: {@code "_:r} and {@code ,"_:r}. */
    private static final SerializableString FIRST_BLANK = JsonFragments.of("\"_:r");
    private static final SerializableString NEXT_BLANK = JsonFragments.of(",\"_:r");
    // Nodes and edges are written as fragments (JsonFragments): their fixed parts made once, their names encoded once.
    /** {@code :{"prov:type":{"$":"runtape:KIND","type":"xsd:QName"}} of each kind: what follows a node's name. */
    private static final Map<NodeKind, SerializableString> KIND_TYPES = kindTypes();
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
                EncodedNames names = block.getKey() == ProvType.ACTIVITY ? ACTIVITY_ATTRIBUTES : ATTRIBUTES;
                json.writeObjectFieldStart(block.getKey().wire());
                boolean first = true;
                for (LineageNode node : block.getValue()) { // "runtape:ID":{"prov:type":{...},ATTRIBUTES}
                    if (!first) {
                        json.writeRaw(',');
                    }
                    first = false;
                    json.writeRaw(node.id().qualifiedName());
                    json.writeRaw(KIND_TYPES.get(node.id().kind()));
                    attributes(json, node.attributes(), names);
                }
                json.writeEndObject();
            }
            Map<Relation, List<LineageEdge>> byRelation = new EnumMap<>(Relation.class);
            for (LineageEdge edge : view.edges()) {
                byRelation.computeIfAbsent(edge.relation(), relation -> new ArrayList<>()).add(edge);
            }
            int blank = 0;
            char[] digits = new char[10];
            for (Map.Entry<Relation, List<LineageEdge>> block : byRelation.entrySet()) {
                Relation relation = block.getKey();
                SerializableString from = JsonFragments.of("\":{" + JsonFragments.quoted(relation.fromMember()) + ':');
                SerializableString to = JsonFragments.of("," + JsonFragments.quoted(relation.toMember()) + ':');
                json.writeObjectFieldStart(relation.wire());
                boolean first = true;
                for (LineageEdge edge : block.getValue()) { // "_:rN":{"prov:FROM":"runtape:ID","prov:TO":...}
                    json.writeRaw(first ? FIRST_BLANK : NEXT_BLANK);
                    first = false;
                    writeNumber(json, ++blank, digits);
                    json.writeRaw(from);
                    json.writeRaw(edge.from().qualifiedName());
                    json.writeRaw(to);
                    json.writeRaw(edge.to().qualifiedName());
                    attributes(json, edge.attributes(), ATTRIBUTES);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }

    /** The digits of a positive {@code number}, raw: a blank node's name, written 210,000 times in a large answer. */
    private static void writeNumber(JsonGenerator json, int number, char[] digits) throws IOException {
        int at = digits.length;
        for (int rest = number; rest > 0; rest /= 10) {
            digits[--at] = (char) ('0' + rest % 10);
        }
        json.writeRaw(digits, at, digits.length - at);
    }

    /** The qualified name of a node: {@code runtape:trajectory/t-1}. */
    public static String name(NodeId id) {
        return PREFIX + id;
    }

    private static Map<NodeKind, SerializableString> kindTypes() {
        Map<NodeKind, SerializableString> fragments = new EnumMap<>(NodeKind.class);
        for (NodeKind kind : NodeKind.values()) {
            fragments.put(kind, JsonFragments.of(":{\"prov:type\":{\"$\":" + JsonFragments.quoted(PREFIX + kind.wire())
                    + ",\"type\":\"xsd:QName\"}"));
        }
        return fragments;
    }

    /** The attributes, each after a comma, and the end of the node or relation record. */
    private static void attributes(JsonGenerator json, Map<String, Object> attributes, EncodedNames names)
            throws IOException {
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            json.writeRaw(',');
            JsonFragments.member(json, attribute.getKey(), attribute.getValue(), names);
        }
        json.writeRaw('}');
    }
}
