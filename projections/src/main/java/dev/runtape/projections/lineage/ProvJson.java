package dev.runtape.projections.lineage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lineage answer as a PROV-JSON document (W3C Member Submission, 2013): the {@code prefix} block, then
 * {@code entity}, {@code activity} and {@code agent} keyed by qualified name, and one member per relation whose
 * records, keyed by blank ids ({@code _:r1}), name their ends with PROV's attributes ({@code prov:entity},
 * {@code prov:activity}, {@code prov:generatedEntity}, ...).
 *
 * <p>A node's qualified name is {@code runtape:} and its id; its {@code prov:type} is its kind as a qualified name
 * ({@code runtape:operator}); its attributes are {@code runtape:} ones,
 * except an activity's start and end, which are {@code prov:startTime} and {@code prov:endTime}.
 */
public final class ProvJson {

    /** The media type PROV-JSON is served as. */
    public static final String MEDIA_TYPE = "application/prov+json";
    /** The namespace of Runtape's qualified names. */
    public static final String NAMESPACE = "urn:runtape:";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProvJson() {
    }

    public static ObjectNode document(LineageView view) {
        ObjectNode document = JSON.objectNode();
        ObjectNode prefix = document.putObject("prefix");
        prefix.put("runtape", NAMESPACE);
        prefix.put("prov", "http://www.w3.org/ns/prov#");
        prefix.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        for (ProvType type : ProvType.values()) {
            document.putObject(type.wire());
        }
        for (LineageNode node : view.nodes()) {
            ObjectNode record = ((ObjectNode) document.get(node.prov().wire())).putObject(name(node.id()));
            record.set("prov:type", qualified("runtape:" + node.id().kind().wire()));
            attributes(record, node.attributes(), node.prov() == ProvType.ACTIVITY);
        }
        for (ProvType type : ProvType.values()) {
            if (document.get(type.wire()).isEmpty()) {
                document.remove(type.wire());
            }
        }
        int blank = 0;
        for (LineageEdge edge : view.edges()) {
            ObjectNode relation = document.has(edge.relation().wire())
                    ? (ObjectNode) document.get(edge.relation().wire())
                    : document.putObject(edge.relation().wire());
            ObjectNode record = relation.putObject("_:r" + ++blank);
            record.put(edge.relation().fromMember(), name(edge.from()));
            record.put(edge.relation().toMember(), name(edge.to()));
            attributes(record, edge.attributes(), false);
        }
        return document;
    }

    /** The qualified name of a node: {@code runtape:trajectory/t-1}. */
    public static String name(NodeId id) {
        return "runtape:" + id;
    }

    private static ObjectNode qualified(String name) {
        ObjectNode value = JSON.objectNode();
        value.put("$", name);
        value.put("type", "xsd:QName");
        return value;
    }

    private static void attributes(ObjectNode record, Map<String, Object> attributes, boolean activity) {
        for (Map.Entry<String, Object> attribute : new TreeMap<>(attributes).entrySet()) {
            String name = switch (attribute.getKey()) {
                case "started-at" -> activity ? "prov:startTime" : "runtape:started-at";
                case "ended-at" -> activity ? "prov:endTime" : "runtape:ended-at";
                default -> "runtape:" + attribute.getKey();
            };
            switch (attribute.getValue()) {
                case Long number -> record.put(name, number);
                case Boolean flag -> record.put(name, flag);
                default -> record.put(name, attribute.getValue().toString());
            }
        }
    }
}
