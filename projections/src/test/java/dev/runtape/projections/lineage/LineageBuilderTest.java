package dev.runtape.projections.lineage;

import static dev.runtape.projections.lineage.LineageLedger.ACME;
import static dev.runtape.projections.lineage.LineageLedger.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder on the real history of {@link LineageLedger}: every entry of the log through {@link LogEvents} and
 * {@link LineageBuilder} into a store, then the questions the graph must answer.
 */
class LineageBuilderTest {

    @TempDir
    static Path directory;

    private static LineageLedger ledger;
    private static List<LogEntry> entries;
    private static LineageStore store;

    @BeforeAll
    static void buildTheGraphFromTheLog() throws Exception {
        ledger = LineageLedger.start(directory.resolve("data"));
        entries = ledger.node.log().readAfter(EventLog.BEFORE_FIRST, 100_000);
        store = new LineageStore();
        LogEvents events = new LogEvents();
        for (LogEntry entry : entries) {
            store.apply(entry.position(), entry.tenant(), LineageBuilder.updates(events.read(entry)));
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static LineageView lineage(String tenant, String id, Direction direction, int depth) {
        return store.lineage(tenant, new LineageQuery(NodeId.parse(id), direction, depth)).orElseThrow();
    }

    private static Set<String> ids(LineageView view) {
        return view.nodes().stream().map(node -> node.id().toString()).collect(Collectors.toSet());
    }

    private static LineageNode node(LineageView view, String id) {
        return view.nodes().stream().filter(node -> node.id().toString().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError(id + " is not in the lineage " + ids(view)));
    }

    @Test
    void everyEdgeOfAnEventNamesNodesOfTheSameEventAndTheSameEventGivesTheSameUpdates() {
        LogEvents events = new LogEvents();
        int edges = 0;
        for (LogEntry entry : entries) {
            List<GraphUpdate> updates = LineageBuilder.updates(events.read(entry));
            Set<NodeId> nodes = new HashSet<>();
            updates.stream().filter(LineageNode.class::isInstance).forEach(u -> nodes.add(((LineageNode) u).id()));
            for (GraphUpdate update : updates) {
                if (update instanceof LineageEdge edge) {
                    edges++;
                    assertThat(nodes).as(entry.eventType() + " at " + entry.position()).contains(edge.from(),
                            edge.to());
                }
            }
            assertThat(LineageBuilder.updates(events.read(entry))).isEqualTo(updates);
        }
        assertThat(edges).isGreaterThan(entries.size());
    }

    @Test
    void theWayUpFromTheDatasetIsTheWholeChainFromTaskPromptThroughOperatorExecutionAndQa() {
        String trajectory = ledger.operated.trajectoryId();
        LineageView view = lineage(ACME, "dataset/" + LineageLedger.DATASET, Direction.UP, 4);

        assertThat(view.nodes().getFirst().id().toString()).isEqualTo("dataset/" + LineageLedger.DATASET);
        assertThat(ids(view)).contains("qa-record/" + trajectory, "trajectory/" + trajectory,
                "execution/" + trajectory, "task/" + ledger.operated.taskId(), "operator/" + ledger.operator(),
                "reviewer/reviewer-9", "principal/" + LineageLedger.CAPTURE, "principal/review-desk",
                "task/" + ledger.agent.taskId(), "agent/swe-agent");
        assertThat(ids(view)).as("rejected, never admitted").doesNotContain("trajectory/"
                + ledger.rejected.trajectoryId());
        assertThat(view.nodes()).allSatisfy(node -> assertThat(node.id().kind()).isNotIn(NodeKind.LABEL,
                NodeKind.LABELLING, NodeKind.EXPORT, NodeKind.REDACTION));
        assertThat(node(view, "operator/" + ledger.operator()).prov()).isEqualTo(ProvType.AGENT);
        assertThat(node(view, "operator/" + ledger.operator()).attributes())
                .containsEntry("qualification", "gui-recording").containsEntry("cohort", "cohort-a");
        assertThat(node(view, "execution/" + trajectory).prov()).isEqualTo(ProvType.ACTIVITY);
        assertThat(node(view, "execution/" + trajectory).attributes())
                .containsEntry("outcome", ledger.operated.outcome().wire());
        assertThat(node(view, "qa-record/" + trajectory).attributes()).containsEntry("decision", "accept");
        assertThat(node(view, "task/" + ledger.operated.taskId()).prov()).isEqualTo(ProvType.ENTITY);
        assertThat(view.edges()).anySatisfy(edge -> {
            assertThat(edge.relation()).isEqualTo(Relation.WAS_DERIVED_FROM);
            assertThat(edge.from().toString()).isEqualTo("dataset/" + LineageLedger.DATASET);
            assertThat(edge.to().toString()).isEqualTo("qa-record/" + trajectory);
            assertThat(edge.attributes()).containsEntry("split", "eval");
        });
        assertThat(view.edges()).anySatisfy(edge -> {
            assertThat(edge.relation()).isEqualTo(Relation.WAS_ASSOCIATED_WITH);
            assertThat(edge.from().toString()).isEqualTo("execution/" + trajectory);
            assertThat(edge.to().toString()).isEqualTo("operator/" + ledger.operator());
        });
    }

    @Test
    void depthLimitsTheWalkAndEveryEdgeOfTheAnswerJoinsTwoOfItsNodes() {
        LineageView one = lineage(ACME, "dataset/" + LineageLedger.DATASET, Direction.UP, 1);
        assertThat(ids(one)).containsExactlyInAnyOrder("dataset/" + LineageLedger.DATASET,
                "qa-record/" + ledger.operated.trajectoryId(), "qa-record/" + ledger.agent.trajectoryId());
        LineageView deep = lineage(ACME, "dataset/" + LineageLedger.DATASET, Direction.UP, 100);
        assertThat(deep.nodes().size()).isGreaterThan(lineage(ACME, "dataset/" + LineageLedger.DATASET,
                Direction.UP, 2).nodes().size());
        Set<NodeId> nodes = deep.nodes().stream().map(LineageNode::id).collect(Collectors.toSet());
        assertThat(deep.edges()).allSatisfy(edge -> assertThat(nodes).contains(edge.from(), edge.to()));
    }

    @Test
    void theWayDownFromATrajectoryReachesItsQaLabelsRedactionDatasetAndExport() {
        String trajectory = ledger.agent.trajectoryId();
        LineageView view = lineage(ACME, "trajectory/" + trajectory, Direction.DOWN, 10);

        assertThat(ids(view)).contains("label/" + trajectory + "/l-1", "label/" + trajectory + "/l-2",
                "labelling/" + trajectory + "/l-1", "qa-record/" + trajectory, "dataset/" + LineageLedger.DATASET,
                "export/" + LineageLedger.DATASET + "/" + LineageLedger.EXPORT,
                "exporting/" + LineageLedger.DATASET + "/" + LineageLedger.EXPORT);
        assertThat(view.nodes()).filteredOn(node -> node.id().kind() == NodeKind.REDACTION).singleElement()
                .satisfies(node -> assertThat(node.attributes()).containsEntry("reason", "pii"));
        assertThat(view.nodes()).filteredOn(node -> node.id().kind() == NodeKind.QA_CHECK).hasSize(1);
        assertThat(node(view, "label/" + trajectory + "/l-2").attributes()).containsEntry("retracted", true);
        assertThat(node(view, "label/" + trajectory + "/l-1").attributes()).containsEntry("retracted", false)
                .containsEntry("step", 0L);
        assertThat(node(view, "export/" + LineageLedger.DATASET + "/" + LineageLedger.EXPORT).attributes())
                .containsEntry("delivered-to", "client-a").containsEntry("channel", "sftp");
    }

    @Test
    void aTrajectoryIsDerivedFromOneStepsNodePerBatchItsStreamHolds() {
        String trajectory = ledger.agent.trajectoryId();
        long batches = entries.stream().filter(entry -> entry.stream().value().equals("trajectory/" + trajectory))
                .filter(entry -> entry.eventType().equals(StepsRecorded.class.getSimpleName())).count();
        LineageView view = lineage(ACME, "trajectory/" + trajectory, Direction.UP, 1);

        assertThat(batches).isPositive();
        assertThat(view.nodes()).filteredOn(node -> node.id().kind() == NodeKind.STEPS).hasSize((int) batches)
                .allSatisfy(node -> assertThat(node.prov()).isEqualTo(ProvType.ENTITY));
        long steps = view.nodes().stream().filter(node -> node.id().kind() == NodeKind.STEPS)
                .mapToLong(node -> (Long) node.attributes().get("count")).sum();
        assertThat(steps).isEqualTo(ledger.agent.steps().size());
    }

    @Test
    void aTenantSeesOnlyItsOwnNodes() {
        String acmeTrajectory = "trajectory/" + ledger.agent.trajectoryId();
        String globexTrajectory = "trajectory/" + ledger.otherTenant.trajectoryId();

        assertThat(store.lineage(GLOBEX, new LineageQuery(NodeId.parse(acmeTrajectory), Direction.UP, 10)))
                .isEmpty();
        assertThat(store.lineage(ACME, new LineageQuery(NodeId.parse(globexTrajectory), Direction.UP, 10)))
                .isEmpty();
        assertThat(store.lineage("nobody", new LineageQuery(NodeId.parse(acmeTrajectory), Direction.UP, 10)))
                .isEmpty();
        LineageView globex = lineage(GLOBEX, globexTrajectory, Direction.UP, 100);
        assertThat(ids(globex)).contains("task/" + ledger.otherTenant.taskId())
                .doesNotContain("task/" + ledger.agent.taskId(), "operator/" + ledger.operator());
        assertThat(store.sizes()).containsOnlyKeys(ACME, GLOBEX);
    }
}
