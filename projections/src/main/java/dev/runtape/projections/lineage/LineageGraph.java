package dev.runtape.projections.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's graph: nodes and edges numbered in the order the log made them, and each node's edges in both
 * directions for walking, in that order. Ids are looked up once, for the root: the walk goes by number through
 * arrays, with no hashing and no boxing (a dataset's lineage reaches a hundred thousand nodes). Not safe for
 * concurrent use: {@link LineageStore} guards it.
 */
final class LineageGraph {

    private final Map<NodeId, Integer> nodeNumbers = new HashMap<>();
    private final List<LineageNode> nodes = new ArrayList<>(); // by number
    private final List<IntList> outgoing = new ArrayList<>(); // by node number: the numbers of its edges
    private final List<IntList> incoming = new ArrayList<>();
    private final Map<LineageEdge.Key, Integer> edgeNumbers = new HashMap<>();
    private final List<LineageEdge> edges = new ArrayList<>(); // by number; a merge replaces the edge in place
    private final IntList edgeFrom = new IntList(1024); // by edge number: the numbers of its ends
    private final IntList edgeTo = new IntList(1024);

    void apply(GraphUpdate update) {
        switch (update) {
            case LineageNode node -> {
                Integer number = nodeNumbers.get(node.id());
                if (number == null) {
                    add(node);
                } else {
                    LineageNode old = nodes.get(number);
                    nodes.set(number, new LineageNode(old.id(), Attributes.merged(old.attributes(),
                            node.attributes())));
                }
            }
            case LineageEdge edge -> {
                Integer number = edgeNumbers.get(edge.key());
                if (number == null) {
                    int from = numberOf(edge.from());
                    int to = numberOf(edge.to());
                    int added = edges.size();
                    edges.add(shared(edge, nodes.get(from).id(), nodes.get(to).id()));
                    edgeNumbers.put(edge.key(), added);
                    edgeFrom.add(from);
                    edgeTo.add(to);
                    outgoing.get(from).add(added);
                    incoming.get(to).add(added);
                } else if (!edge.attributes().isEmpty()) {
                    LineageEdge old = edges.get(number);
                    edges.set(number, new LineageEdge(old.relation(), old.from(), old.to(),
                            Attributes.merged(old.attributes(), edge.attributes())));
                }
            }
        }
    }

    /**
     * The edge with its ends the ids its nodes hold: one id object per node, however many edges name it, keeps the
     * graph small and lets a rendering encode each id once.
     */
    private static LineageEdge shared(LineageEdge edge, NodeId from, NodeId to) {
        return edge.from() == from && edge.to() == to ? edge
                : new LineageEdge(edge.relation(), from, to, edge.attributes());
    }

    /** The node's number, adding it without attributes when an edge names it first. */
    private int numberOf(NodeId id) {
        Integer number = nodeNumbers.get(id);
        return number != null ? number : add(LineageNode.of(id));
    }

    private int add(LineageNode node) {
        int number = nodes.size();
        nodes.add(node);
        nodeNumbers.put(node.id(), number);
        outgoing.add(new IntList(2));
        incoming.add(new IntList(2));
        return number;
    }

    Optional<LineageNode> node(NodeId id) {
        Integer number = nodeNumbers.get(id);
        return number == null ? Optional.empty() : Optional.of(nodes.get(number));
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
        Integer root = nodeNumbers.get(query.root());
        if (root == null) {
            return Optional.empty();
        }
        boolean up = query.direction() == Direction.UP;
        List<IntList> adjacent = up ? outgoing : incoming;
        IntList ends = up ? edgeTo : edgeFrom;
        boolean[] seen = new boolean[nodes.size()];
        seen[root] = true;
        List<LineageNode> found = new ArrayList<>();
        found.add(nodes.get(root));
        List<LineageEdge> along = new ArrayList<>();
        IntList frontier = new IntList(1);
        frontier.add(root);
        for (int hop = 1; hop <= query.depth() && !frontier.isEmpty(); hop++) {
            IntList next = new IntList(frontier.size() * 2);
            for (int f = 0; f < frontier.size(); f++) {
                IntList out = adjacent.get(frontier.get(f));
                for (int e = 0; e < out.size(); e++) {
                    int edge = out.get(e);
                    along.add(edges.get(edge));
                    int other = ends.get(edge);
                    if (!seen[other]) {
                        seen[other] = true;
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
