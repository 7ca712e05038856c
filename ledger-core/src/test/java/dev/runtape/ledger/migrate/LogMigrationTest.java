package dev.runtape.ledger.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import dev.runtape.ledger.storage.postgres.TestPostgres;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node's log (SQLite, two imported samples, a signed checkpoint) moved to PostgreSQL and to SQLite. */
class LogMigrationTest {

    @TempDir
    Path directory;

    private static void importSamples(LedgerNode node) throws Exception {
        for (String sample : List.of("swe-agent/pydicom__pydicom-1458.traj", "openhands/multi_swe_bench.output.jsonl")) {
            new LedgerImporter(node, "importer").write(ImportFormats.detector().read(SourceFile.read(
                    SharedFiles.sample(sample)), null));
        }
        node.integrator().runOnce();
    }

    private static void assertSameEntries(EventLog source, EventLog target) {
        List<LogEntry> original = source.readAfter(0, 100_000);
        List<LogEntry> copy = target.readAfter(0, 100_000);
        assertThat(copy).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            LogEntry a = original.get(i);
            LogEntry b = copy.get(i);
            assertThat(List.of(b.position(), b.stream(), b.revision(), b.eventId(), b.eventType(), b.tenant(),
                    b.statement().digest())).isEqualTo(List.of(a.position(), a.stream(), a.revision(), a.eventId(),
                    a.eventType(), a.tenant(), a.statement().digest()));
        }
    }

    @Test
    void aLogMovesToPostgresEntryForEntryAndTheCopyReproducesTheSignedCheckpoint() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            importSamples(node);
            Optional<SignedCheckpoint> checkpoint = node.proofs().latestCheckpoint();
            assertThat(checkpoint).isPresent();
            EventLog target = PostgresEventLog.open(TestPostgres.freshDatabase());
            List<Long> progress = new ArrayList<>();

            MigrationReport report = new LogMigration(node.log(), target).run(checkpoint, progress::add);

            assertThat(report.copied()).isEqualTo(node.log().lastPosition()).isPositive();
            assertThat(report.entries()).isEqualTo(node.log().lastPosition());
            assertThat(report.checkpointSize()).isEqualTo(checkpoint.get().treeSize());
            assertThat(report.checkpointRoot()).isEqualTo(checkpoint.get().root());
            assertThat(progress).isSorted().last().isEqualTo(node.log().lastPosition());
            assertSameEntries(node.log(), target);

            MigrationReport again = new LogMigration(node.log(), target).run(checkpoint, p -> { });
            assertThat(again.copied()).as("nothing left to copy").isZero();
            assertThat(again.root()).isEqualTo(report.root());
        }
    }

    @Test
    void anInterruptedCopyContinuesAndAForeignTargetIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
                LedgerNode other = LedgerNode.start(NodeSettings.embedded(directory.resolve("other")))) {
            importSamples(node);
            new LedgerImporter(other, "importer").write(ImportFormats.detector().read(SourceFile.read(
                    SharedFiles.sample("mini-swe-agent/local.traj.json")), null));
            EventLog partial = SqliteEventLog.open(SqliteDatabase.open(directory.resolve("partial.db")));
            for (var batch : LogMigration.batches(node.log().readAfter(0, 7))) {
                partial.append(batch);
            }

            MigrationReport resumed = new LogMigration(node.log(), partial).run(node.proofs().latestCheckpoint(),
                    p -> { });

            assertThat(resumed.resumedAfter()).isEqualTo(7);
            assertThat(resumed.copied()).isEqualTo(node.log().lastPosition() - 7);
            assertSameEntries(node.log(), partial);
            long before = other.log().lastPosition();
            assertThatThrownBy(() -> new LogMigration(node.log(), other.log()).run(Optional.empty(), p -> { }))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("the target's entry at position 1 is not the source's: the target holds another log; "
                            + "migrate into an empty store");
            assertThat(other.log().lastPosition()).isEqualTo(before);
        }
    }
}
