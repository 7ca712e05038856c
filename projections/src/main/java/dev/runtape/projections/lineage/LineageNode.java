package dev.runtape.projections.lineage;

import java.util.Map;

/** A node: its id (which says its kind and PROV type) and its attributes. */
public record LineageNode(NodeId id, Map<String, Object> attributes) implements GraphUpdate {

    public LineageNode {
        attributes = Attributes.checked(attributes);
    }

    public static LineageNode of(NodeId id) {
        return new LineageNode(id, Map.of());
    }

    public ProvType prov() {
        return id.kind().prov();
    }
}
