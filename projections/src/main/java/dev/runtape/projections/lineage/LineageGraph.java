package dev.runtape.projections.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's graph: nodes by id, edges by their identity, and each node's edges in both directions for walking.
 * Not safe for concurrent use: {@link LineageStore} guards it.
 */
final class LineageGraph {

    private final Map<NodeId, LineageNode> nodes = new HashMap<>();
    private final Map<LineageEdge.Key, LineageEdge> edges = new HashMap<>();
    private final Map<NodeId, List<LineageEdge.Key>> outgoing = new HashMap<>();
    private final Map<NodeId, List<LineageEdge.Key>> incoming = new HashMap<>();

    void apply(GraphUpdate update) {
        switch (update) {
            case LineageNode node -> nodes.merge(node.id(), node, (old, more) ->
                    new LineageNode(old.id(), Attributes.merged(old.attributes(), more.attributes())));
            case LineageEdge edge -> {
                LineageEdge.Key key = edge.key();
                LineageEdge old = edges.get(key);
                if (old == null) {
                    nodes.putIfAbsent(edge.from(), LineageNode.of(edge.from()));
                    nodes.putIfAbsent(edge.to(), LineageNode.of(edge.to()));
                    edges.put(key, edge);
                    outgoing.computeIfAbsent(edge.from(), id -> new ArrayList<>(2)).add(key);
                    incoming.computeIfAbsent(edge.to(), id -> new ArrayList<>(2)).add(key);
                } else {
                    edges.put(key, new LineageEdge(key.relation(), key.from(), key.to(),
                            Attributes.merged(old.attributes(), edge.attributes())));
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

    /** Breadth first from the root, at most {@code query.depth()} edges away; empty if the root is not here. */
    Optional<LineageView> walk(LineageQuery query) {
        if (!nodes.containsKey(query.root())) {
            return Optional.empty();
        }
        boolean up = query.direction() == Direction.UP;
        Map<NodeId, Integer> distance = new LinkedHashMap<>();
        distance.put(query.root(), 0);
        Set<LineageEdge.Key> walked = new HashSet<>();
        List<NodeId> frontier = List.of(query.root());
        for (int hop = 1; hop <= query.depth() && !frontier.isEmpty(); hop++) {
            List<NodeId> next = new ArrayList<>();
            for (NodeId id : frontier) {
                for (LineageEdge.Key key : (up ? outgoing : incoming).getOrDefault(id, List.of())) {
                    walked.add(key);
                    NodeId other = up ? key.to() : key.from();
                    if (distance.putIfAbsent(other, hop) == null) {
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        List<LineageNode> found = new ArrayList<>(distance.size());
        distance.entrySet().stream()
                .sorted(Map.Entry.<NodeId, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> found.add(nodes.get(entry.getKey())));
        List<LineageEdge> along = new ArrayList<>(walked.size());
        walked.stream()
                .sorted(Comparator.comparing(LineageEdge.Key::relation).thenComparing(LineageEdge.Key::from)
                        .thenComparing(LineageEdge.Key::to))
                .forEach(key -> along.add(edges.get(key)));
        return Optional.of(new LineageView(query, found, along));
    }
}
