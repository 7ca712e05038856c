package dev.runtape.api.queries;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /lineage/...} as JSON: the query, the projection's position it was answered at, the nodes (id, PROV type,
 * kind, attributes; the root first) and the edges (PROV relation, from, to, attributes), PROV's way round: from the
 * later thing to the earlier one. The shape the API description gives; the answer itself is streamed by
 * {@link dev.runtape.projections.lineage.LineageJson}, member for member in this order.
 */
public record LineageAnswer(String root, String direction, int depth, long position, List<Node> nodes,
        List<Edge> edges) {

    /** A node: {@code prov} is entity, activity or agent. */
    public record Node(String id, String prov, String kind, Map<String, Object> attributes) {
    }

    /** An edge: {@code relation} is PROV-JSON's name (used, wasGeneratedBy, ...). */
    public record Edge(String relation, String from, String to, Map<String, Object> attributes) {
    }
}
