package dev.runtape.projections.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's graph: nodes by id, edges by their identity, and each node's edges in both directions for walking,
 * in the order the log made them. Not safe for concurrent use: {@link LineageStore} guards it.
 */
final class LineageGraph {

    private final Map<NodeId, LineageNode> nodes = new HashMap<>();
    private final Map<LineageEdge.Key, Slot> edges = new HashMap<>();
    private final Map<NodeId, List<Slot>> outgoing = new HashMap<>();
    private final Map<NodeId, List<Slot>> incoming = new HashMap<>();

    /** Where an edge is kept, so that merging its attributes replaces it in both adjacency lists at once. */
    private static final class Slot {
        private LineageEdge edge;

        Slot(LineageEdge edge) {
            this.edge = edge;
        }
    }

    void apply(GraphUpdate update) {
        switch (update) {
            case LineageNode node -> nodes.merge(node.id(), node, (old, more) ->
                    new LineageNode(old.id(), Attributes.merged(old.attributes(), more.attributes())));
            case LineageEdge edge -> {
                Slot slot = edges.get(edge.key());
                if (slot == null) {
                    nodes.putIfAbsent(edge.from(), LineageNode.of(edge.from()));
                    nodes.putIfAbsent(edge.to(), LineageNode.of(edge.to()));
                    slot = new Slot(edge);
                    edges.put(edge.key(), slot);
                    outgoing.computeIfAbsent(edge.from(), id -> new ArrayList<>(2)).add(slot);
                    incoming.computeIfAbsent(edge.to(), id -> new ArrayList<>(2)).add(slot);
                } else if (!edge.attributes().isEmpty()) {
                    LineageEdge old = slot.edge;
                    slot.edge = new LineageEdge(old.relation(), old.from(), old.to(),
                            Attributes.merged(old.attributes(), edge.attributes()));
                }
            }
        }
    }

    Optional<LineageNode> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    int nodeCount() {
        return nodes.size();
    }

    int edgeCount() {
        return edges.size();
    }

    /**
     * Breadth first from the root, at most {@code query.depth()} edges away; empty if the root is not here. Nodes come
     * in the order the walk reached them (so by distance), edges in the order it went along them. Each node is
     * expanded once, so each edge is walked at most once and needs no set of its own.
     */
    Optional<LineageView> walk(LineageQuery query) {
        LineageNode root = nodes.get(query.root());
        if (root == null) {
            return Optional.empty();
        }
        boolean up = query.direction() == Direction.UP;
        Map<NodeId, List<Slot>> adjacent = up ? outgoing : incoming;
        Set<NodeId> seen = new HashSet<>();
        seen.add(root.id());
        List<LineageNode> found = new ArrayList<>();
        found.add(root);
        List<LineageEdge> along = new ArrayList<>();
        List<NodeId> frontier = List.of(root.id());
        for (int hop = 1; hop <= query.depth() && !frontier.isEmpty(); hop++) {
            List<NodeId> next = new ArrayList<>();
            for (NodeId id : frontier) {
                for (Slot slot : adjacent.getOrDefault(id, List.of())) {
                    along.add(slot.edge);
                    NodeId other = up ? slot.edge.to() : slot.edge.from();
                    if (seen.add(other)) {
                        next.add(other);
                        found.add(nodes.get(other));
                    }
                }
            }
            frontier = next;
        }
        return Optional.of(new LineageView(query, found, along));
    }
}
