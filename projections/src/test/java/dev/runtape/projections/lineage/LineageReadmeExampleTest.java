package dev.runtape.projections.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.ledger.node.LedgerNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage example of projections/README.md, compiled and run, so the README cannot rot. */
class LineageReadmeExampleTest {

    @TempDir
    Path directory;

    @Test
    void theReadmeExampleRuns() throws Exception {
        try (LineageLedger ledger = LineageLedger.start(directory.resolve("data"))) {
            LedgerNode node = ledger.node;
            LineageView view;
            byte[] prov;
            // As in the README:
            LineageProjection projection = new LineageProjection(node.log(), node.axon().eventStore(),
                    new LineageStore(), 1000);
            projection.start();                                      // catches up from position 0, then follows the tail
            projection.awaitPosition(node.log().lastPosition(), Duration.ofSeconds(2));
            view = projection.store().lineage("acme", LineageQuery.parse(
                    NodeId.of(NodeKind.DATASET, "curated-1"), "up", "6")).orElseThrow();
            prov = ProvJson.bytes(view);                             // application/prov+json
            projection.reset();                                      // rebuild from position 0 while running
            // End of the README's code.
            projection.stop();

            assertThat(view.nodes().getFirst().id()).isEqualTo(NodeId.of(NodeKind.DATASET, LineageLedger.DATASET));
            JsonNode document = new ObjectMapper().readTree(prov);
            assertThat(document.get("entity").size() + document.get("activity").size()
                    + document.get("agent").size()).isEqualTo(view.nodes().size());
            assertThat(document.get("agent").has("runtape:operator/" + ledger.operator())).isTrue();
        }
    }
}
