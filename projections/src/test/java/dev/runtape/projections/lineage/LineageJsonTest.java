package dev.runtape.projections.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walk on a small graph made by hand (order, depth, merged attributes, both directions) and Runtape's JSON of its
 * answer, streamed, against the same answer mapped member by member by a data binder.
 */
class LineageJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NodeId DATASET = NodeId.of(NodeKind.DATASET, "d-1");
    private static final NodeId QA_1 = NodeId.of(NodeKind.QA_RECORD, "t-1");
    private static final NodeId QA_2 = NodeId.of(NodeKind.QA_RECORD, "t-\"2\"\\ é\u2028\u0001");
    private static final NodeId T_1 = NodeId.of(NodeKind.TRAJECTORY, "t-1");
    private static final NodeId T_2 = NodeId.of(NodeKind.TRAJECTORY, "t-\"2\"\\ é\u2028\u0001"); // escapes
    private static final NodeId EXECUTION = NodeId.of(NodeKind.EXECUTION, "t-1");

    private static LineageStore store() {
        LineageStore store = new LineageStore();
        store.apply(1, "acme", List.of(new LineageNode(DATASET, Map.of("name", "bench", "sealed", false)),
                new LineageEdge(Relation.WAS_DERIVED_FROM, DATASET, QA_1, Map.of("split", "train")),
                LineageEdge.of(Relation.WAS_DERIVED_FROM, QA_1, T_1)));
        store.apply(2, "acme", List.of(new LineageEdge(Relation.WAS_DERIVED_FROM, DATASET, QA_2, Map.of("split",
                "eval")), LineageEdge.of(Relation.WAS_DERIVED_FROM, QA_2, T_2),
                LineageEdge.of(Relation.WAS_GENERATED_BY, T_1, EXECUTION)));
        store.apply(3, "acme", List.of(new LineageNode(EXECUTION, Map.of("ended-at", 1767225600000L,
                        "agent", "swe-\"agent\"", "retried", false)),
                new LineageNode(DATASET, Map.of("sealed", true)), // merged into the node, later values winning
                new LineageEdge(Relation.WAS_DERIVED_FROM, DATASET, QA_1, Map.of("split", "eval"))));
        return store;
    }

    @Test
    void theWalkGoesBreadthFirstInTheOrderTheLogMadeTheEdgesAndStopsAtItsDepth() {
        LineageStore store = store();
        LineageView up = store.lineage("acme", new LineageQuery(DATASET, Direction.UP, 10)).orElseThrow();
        assertThat(up.nodes()).extracting(LineageNode::id).containsExactly(DATASET, QA_1, QA_2, T_1, T_2, EXECUTION);
        assertThat(up.edges()).extracting(edge -> List.of(edge.from(), edge.to())).containsExactly(
                List.of(DATASET, QA_1), List.of(DATASET, QA_2), List.of(QA_1, T_1), List.of(QA_2, T_2),
                List.of(T_1, EXECUTION));
        assertThat(up.edges().getFirst().attributes()).as("an edge merged in place").isEqualTo(Map.of("split", "eval"));
        assertThat(up.nodes().getFirst().attributes()).isEqualTo(Map.of("name", "bench", "sealed", true));
        assertThat(store.lineage("acme", new LineageQuery(DATASET, Direction.UP, 2)).orElseThrow().nodes())
                .extracting(LineageNode::id).containsExactly(DATASET, QA_1, QA_2, T_1, T_2);
        assertThat(store.lineage("acme", new LineageQuery(T_1, Direction.DOWN, 10)).orElseThrow().nodes())
                .extracting(LineageNode::id).containsExactly(T_1, QA_1, DATASET);
        assertThat(store.lineage("globex", new LineageQuery(DATASET, Direction.UP, 10))).isEmpty();
        assertThat(store.lineage("acme", new LineageQuery(NodeId.of(NodeKind.DATASET, "d-2"), Direction.UP, 10)))
                .isEmpty();
    }

    @Test
    void theStreamedJsonIsTheAnswerMemberByMember() throws Exception {
        LineageView view = store().lineage("acme", new LineageQuery(DATASET, Direction.UP, 10)).orElseThrow();

        JsonNode written = JSON.readTree(LineageJson.bytes(view, 3));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("root", "dataset/d-1");
        expected.put("direction", "up");
        expected.put("depth", 10);
        expected.put("position", 3);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (LineageNode node : view.nodes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", node.id().toString());
            one.put("prov", node.prov().wire());
            one.put("kind", node.id().kind().wire());
            one.put("attributes", node.attributes());
            nodes.add(one);
        }
        expected.put("nodes", nodes);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (LineageEdge edge : view.edges()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("relation", edge.relation().wire());
            one.put("from", edge.from().toString());
            one.put("to", edge.to().toString());
            one.put("attributes", edge.attributes());
            edges.add(one);
        }
        expected.put("edges", edges);
        assertThat(written).isEqualTo(JSON.valueToTree(expected));
        assertThat(JSON.writeValueAsString(written)).as("members in order").isEqualTo(
                JSON.writeValueAsString(JSON.valueToTree(expected)));
        assertThat(written.at("/nodes/5/attributes/ended-at").isIntegralNumber()).isTrue();
        assertThat(written.at("/nodes/0/attributes/sealed").booleanValue()).isTrue();
        assertThat(written.at("/nodes/2/id").textValue()).isEqualTo(QA_2.toString());
    }

    @Test
    void provJsonPutsEachNodeInItsTypesBlockAndEachEdgeUnderItsRelationWithProvsNames() throws Exception {
        LineageView view = store().lineage("acme", new LineageQuery(DATASET, Direction.UP, 10)).orElseThrow();

        JsonNode prov = JSON.readTree(ProvJson.bytes(view));

        assertThat(prov.get("prefix").get("runtape").textValue()).isEqualTo(ProvJson.NAMESPACE);
        assertThat(fieldNames(prov)).as("blocks in the order of ProvType and Relation").containsExactly("prefix",
                "entity", "activity", "wasGeneratedBy", "wasDerivedFrom");
        assertThat(fieldNames(prov.get("entity"))).containsExactly("runtape:dataset/d-1", "runtape:qa-record/t-1",
                "runtape:" + QA_2, "runtape:trajectory/t-1", "runtape:" + T_2);
        JsonNode dataset = prov.get("entity").get("runtape:dataset/d-1");
        assertThat(dataset.get("prov:type").get("$").textValue()).isEqualTo("runtape:dataset");
        assertThat(dataset.get("prov:type").get("type").textValue()).isEqualTo("xsd:QName");
        assertThat(dataset.get("runtape:name").textValue()).isEqualTo("bench");
        assertThat(dataset.get("runtape:sealed").booleanValue()).isTrue();
        JsonNode execution = prov.get("activity").get("runtape:execution/t-1");
        assertThat(execution.get("prov:endTime").longValue()).as("an activity's end is PROV's")
                .isEqualTo(1767225600000L);
        assertThat(execution.get("runtape:agent").textValue()).isEqualTo("swe-\"agent\"");
        assertThat(execution.get("runtape:retried").booleanValue()).isFalse();
        assertThat(fieldNames(prov.get("wasDerivedFrom"))).containsExactly("_:r2", "_:r3", "_:r4", "_:r5");
        JsonNode first = prov.get("wasDerivedFrom").get("_:r2");
        assertThat(first.get("prov:generatedEntity").textValue()).isEqualTo("runtape:dataset/d-1");
        assertThat(first.get("prov:usedEntity").textValue()).isEqualTo("runtape:qa-record/t-1");
        assertThat(first.get("runtape:split").textValue()).isEqualTo("eval");
        assertThat(prov.get("wasDerivedFrom").get("_:r3").get("prov:usedEntity").textValue())
                .isEqualTo("runtape:" + QA_2);
        JsonNode generated = prov.get("wasGeneratedBy").get("_:r1");
        assertThat(generated.get("prov:entity").textValue()).isEqualTo("runtape:trajectory/t-1");
        assertThat(generated.get("prov:activity").textValue()).isEqualTo("runtape:execution/t-1");
        assertThat(fieldNames(generated)).containsExactly("prov:entity", "prov:activity");
    }

    @Test
    void provJsonNamesEachRelationRecordByItsNumber() throws Exception {
        // 1,234 relations: blank-node names of one to four digits, each relation under its own.
        LineageStore store = new LineageStore();
        List<GraphUpdate> changes = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            changes.add(LineageEdge.of(Relation.WAS_DERIVED_FROM, DATASET, NodeId.of(NodeKind.TRAJECTORY, "t-" + i)));
        }
        store.apply(1, "acme", changes);
        LineageView view = store.lineage("acme", new LineageQuery(DATASET, Direction.UP, 1)).orElseThrow();

        JsonNode derived = JSON.readTree(ProvJson.bytes(view)).get("wasDerivedFrom");
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 1_234; n++) {
            expected.add("_:r" + n);
        }
        assertThat(fieldNames(derived)).containsExactlyElementsOf(expected);
        assertThat(derived.get("_:r1000").get("prov:usedEntity").textValue()).isEqualTo("runtape:trajectory/t-999");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
