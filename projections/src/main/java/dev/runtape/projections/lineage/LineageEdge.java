package dev.runtape.projections.lineage;

import java.util.Map;

/**
 * A relation from one node to another, PROV's way round ({@link Relation}). An edge is known by its relation and its
 * two ends; its attributes qualify it (the split a dataset holds a trajectory in).
 */
public record LineageEdge(Relation relation, NodeId from, NodeId to, Map<String, Object> attributes)
        implements GraphUpdate {

    public LineageEdge {
        attributes = Attributes.checked(attributes);
    }

    public static LineageEdge of(Relation relation, NodeId from, NodeId to) {
        return new LineageEdge(relation, from, to, Map.of());
    }

    /** What identifies the edge, whatever its attributes. */
    public Key key() {
        return new Key(relation, from, to);
    }

    /** An edge's identity. */
    public record Key(Relation relation, NodeId from, NodeId to) {
    }
}
