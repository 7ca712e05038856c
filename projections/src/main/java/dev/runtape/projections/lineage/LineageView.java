package dev.runtape.projections.lineage;

import java.util.List;

/**
 * The answer to a query: the nodes within its depth of the root, in the order the walk reached them (the root first,
 * then by distance; at one distance in the order the log made the edges), and the edges the walk went along, in the
 * order it went. A replay builds the graph in the same order, so the same log gives the same answer.
 */
public record LineageView(LineageQuery query, List<LineageNode> nodes, List<LineageEdge> edges) {

    public LineageView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
