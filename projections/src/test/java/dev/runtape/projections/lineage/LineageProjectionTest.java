package dev.runtape.projections.lineage;

import dev.runtape.projections.ProjectionProgress;
import static dev.runtape.projections.lineage.LineageLedger.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.domain.dataset.DefineDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projection following a real node's log on its own thread: catching up, the tail, a replay while it runs. */
class LineageProjectionTest {

    @TempDir
    Path directory;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void itCatchesUpFollowsTheTailAndReplaysFromZeroWhileRunning() throws Exception {
        try (LineageLedger ledger = LineageLedger.start(directory.resolve("data"));
                LineageProjection projection = new LineageProjection(ledger.node.log(),
                        ledger.node.axon().eventStore(), new LineageStore(), 7)) {
            long last = ledger.node.log().lastPosition();
            assertThat(projection.progress().lag()).isEqualTo(last);

            projection.start();
            await("caught up", () -> projection.progress().position() == last);
            assertThat(projection.progress()).isEqualTo(new ProjectionProgress(LineageProjection.NAME, last, last, 0));
            Map<String, LineageStore.Size> sizes = projection.store().sizes();
            assertThat(sizes.get(ACME).nodes()).isPositive();

            ledger.send(ACME, LineageLedger.CURATOR, new DefineDataset("curated-2", "curated", "2", null, null));
            NodeId added = NodeId.of(NodeKind.DATASET, "curated-2");
            await("the new dataset", () -> projection.store().node(ACME, added).isPresent());
            assertThat(projection.progress().position()).isEqualTo(last + 1);
            assertThat(projection.progress().lag()).isZero();

            Map<String, LineageStore.Size> before = projection.store().sizes();
            projection.reset();
            await("replayed", () -> projection.progress().replays() == 1
                    && projection.progress().position() == last + 1);
            assertThat(projection.store().sizes()).isEqualTo(before);
            assertThat(projection.store().node(ACME, added)).isPresent();
            assertThat(projection.store().lineage(ACME, new LineageQuery(NodeId.of(NodeKind.DATASET,
                    LineageLedger.DATASET), Direction.UP, 4)).orElseThrow().nodes()).hasSizeGreaterThan(10);
        }
    }

    @Test
    void aResetOfTheStoppedProcessorStartsTheNextRunFromAnEmptyStore() throws Exception {
        try (LineageLedger ledger = LineageLedger.start(directory.resolve("data"));
                LineageProjection projection = new LineageProjection(ledger.node.log(),
                        ledger.node.axon().eventStore(), new LineageStore(), 1000)) {
            assertThat(projection.catchUp(Duration.ofSeconds(30))).isTrue();
            long last = ledger.node.log().lastPosition();
            Map<String, LineageStore.Size> sizes = projection.store().sizes();
            projection.stop();

            projection.reset();
            assertThat(projection.progress().position()).as("the token reset cleared the store").isZero();
            assertThat(projection.progress().lag()).isEqualTo(last);
            assertThat(projection.store().sizes()).isEmpty();
            assertThat(projection.catchUp(Duration.ofSeconds(30))).isTrue();
            assertThat(projection.progress()).isEqualTo(new ProjectionProgress(LineageProjection.NAME, last, last, 1));
            assertThat(projection.store().sizes()).isEqualTo(sizes);
        }
    }

    @Test
    void theStoreRefusesAPositionItHasTakenInAlready() {
        LineageStore store = new LineageStore();
        store.apply(3, ACME, List.of(LineageNode.of(NodeId.of(NodeKind.DATASET, "d"))));
        assertThatThrownBy(() -> store.apply(3, ACME, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("position 3 is not after 3");
        store.clear();
        assertThat(store.position()).isZero();
        assertThat(store.sizes()).isEmpty();
    }
}
