package dev.runtape.api.queries;

import dev.runtape.projections.lineage.LineageEdge;
import dev.runtape.projections.lineage.LineageNode;
import dev.runtape.projections.lineage.LineageView;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /lineage/...} as JSON: the query, the projection's position it was answered at, the nodes (id, PROV type,
 * kind, attributes; the root first) and the edges (PROV relation, from, to, attributes), PROV's way round: from the
 * later thing to the earlier one.
 */
public record LineageAnswer(String root, String direction, int depth, long position, List<Node> nodes,
        List<Edge> edges) {

    static LineageAnswer of(LineageView view, long position) {
        return new LineageAnswer(view.query().root().toString(), view.query().direction().wire(),
                view.query().depth(), position, view.nodes().stream().map(Node::of).toList(),
                view.edges().stream().map(Edge::of).toList());
    }

    /** A node: {@code prov} is entity, activity or agent. */
    public record Node(String id, String prov, String kind, Map<String, Object> attributes) {

        static Node of(LineageNode node) {
            return new Node(node.id().toString(), node.prov().wire(), node.id().kind().wire(),
                    node.attributes());
        }
    }

    /** An edge: {@code relation} is PROV-JSON's name (used, wasGeneratedBy, ...). */
    public record Edge(String relation, String from, String to, Map<String, Object> attributes) {

        static Edge of(LineageEdge edge) {
            return new Edge(edge.relation().wire(), edge.from().toString(), edge.to().toString(),
                    edge.attributes());
        }
    }
}
