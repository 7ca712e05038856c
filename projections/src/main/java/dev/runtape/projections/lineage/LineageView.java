package dev.runtape.projections.lineage;

import java.util.List;

/**
 * The answer to a query: the nodes within its depth of the root (the root first, then by distance and id) and the
 * edges between them that the walk went along (by relation, source, target).
 */
public record LineageView(LineageQuery query, List<LineageNode> nodes, List<LineageEdge> edges) {

    public LineageView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
