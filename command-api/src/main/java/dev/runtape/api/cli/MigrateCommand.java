package dev.runtape.api.cli;

import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.migrate.ContentMigration;
import dev.runtape.ledger.migrate.LogMigration;
import dev.runtape.ledger.migrate.MigrationException;
import dev.runtape.ledger.migrate.MigrationReport;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.node.NodeStartException;
import dev.runtape.ledger.node.StoreSettings;
import dev.runtape.ledger.storage.kurrent.KurrentEventLog;
import dev.runtape.ledger.storage.kurrent.KurrentLogSettings;
import dev.runtape.ledger.storage.postgres.PostgresContentStore;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runtape migrate}: copies the log of a stopped node on its embedded defaults (SQLite under its data
 * directory) into PostgreSQL or KurrentDB, and proves the copy: the same root over the whole log, and the root of the node's
 * latest signed checkpoint reproduced by the copy's first entries. Run it again to continue an interrupted copy.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copies a stopped node's log (SQLite under --data) into PostgreSQL or KurrentDB and proves the "
                + "copy against "
                + "the node's signed checkpoint. Safe to run again: it continues where it stopped.",
            "Then start the service with --runtape.store.kind=postgres and the same data directory (keys, content), "
                    + "or, after --contents, with --runtape.cluster.enabled=true (decision 0022)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:copied and proved", "1:the copy does not prove, or the target holds another log",
            "2:a usage error, no ledger under --data, or a store that cannot be opened"})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the node's data directory (default: ./data)")
    private Path data = Path.of("data");

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "the target store: postgres or kurrentdb")
    private String to;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the target: jdbc:postgresql://db:5432/runtape, or a KurrentDB connection string "
                    + "(kurrentdb://host:2113?tls=false)")
    private String url;

    @Option(names = "--namespace", paramLabel = "NAME", defaultValue = "runtape",
            description = "KurrentDB only: the prefix of the log's streams (default: runtape)")
    private String namespace = "runtape";

    @Option(names = "--user", paramLabel = "USER", description = "the database user (default: runtape)")
    private String user = "runtape";

    @Option(names = "--password-file", paramLabel = "FILE", description = "a file holding the database password")
    private @Nullable Path passwordFile;

    @Option(names = "--contents", paramLabel = "URL",
            description = "also copy the contents the log refers to into the PostgreSQL database at URL, where nodes "
                    + "sharing the ledger read them (runtape.cluster.enabled); with --to postgres, the same URL")
    private @Nullable String contents;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!to.equals("postgres") && !to.equals("kurrentdb")) {
            err.println("runtape migrate: --to: expected postgres or kurrentdb, found \"" + to + "\"");
            return ExitCodes.USAGE_OR_INPUT;
        }
        NodeSettings settings = NodeSettings.embedded(data);
        if (!(settings.store() instanceof StoreSettings.Sqlite sqlite) || !Files.isRegularFile(sqlite.file())) {
            err.println("runtape migrate: " + data + ": no ledger here (expected its log at "
                    + (settings.store() instanceof StoreSettings.Sqlite s ? s.file() : data) + ")");
            return ExitCodes.USAGE_OR_INPUT;
        }
        String password;
        try {
            password = passwordFile == null ? "" : Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            err.println("runtape migrate: --password-file " + passwordFile + ": cannot read it: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
        try (LedgerNode node = LedgerNode.start(settings)) {
            EventLog target;
            try {
                target = to.equals("postgres") ? PostgresEventLog.open(PostgresDatabase.connect(url, user, password, 2))
                        : KurrentEventLog.open(new KurrentLogSettings(url, namespace, Duration.ofSeconds(30)));
            } catch (RuntimeException e) {
                err.println("runtape migrate: " + url + ": cannot open the target: " + e.getMessage());
                return ExitCodes.USAGE_OR_INPUT;
            }
            try (target) {
                long total = node.log().lastPosition();
                ProgressBar progress = new ProgressBar(err, total, "entries", ProgressBar.terminal());
                MigrationReport report = new LogMigration(node.log(), target).run(node.proofs().latestCheckpoint(),
                        progress::update);
                progress.finish();
                PrintWriter out = spec.commandLine().getOut();
                out.println("migrated " + report.entries() + " entries to " + url + " (copied " + report.copied()
                        + (report.resumedAfter() > 0 ? ", after " + report.resumedAfter() + " copied before" : "")
                        + "); root " + report.root().hex());
                out.println(report.checkpointSize() == null ? "the node had no signed checkpoint to prove against"
                        : "proved against the node's signed checkpoint of size " + report.checkpointSize() + ", root "
                                + report.checkpointRoot().hex());
                out.flush();
                return contents == null ? ExitCodes.OK : copyContents(node, password, total);
            } catch (MigrationException e) {
                err.println("runtape migrate: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        } catch (NodeStartException e) {
            err.println("runtape migrate: " + data + ": cannot open the node: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
    }

    /** The node's contents into the database nodes sharing the ledger read them from. */
    private int copyContents(LedgerNode node, String password, long total) {
        PrintWriter err = spec.commandLine().getErr();
        PostgresDatabase database;
        try {
            database = PostgresDatabase.connect(contents, user, password, 2);
        } catch (RuntimeException e) {
            err.println("runtape migrate: --contents " + contents + ": cannot open the database: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
        try (database) {
            ProgressBar progress = new ProgressBar(err, total, "entries", ProgressBar.terminal());
            ContentMigration.Report report = new ContentMigration(node.log(), node.content(),
                    PostgresContentStore.open(database)).run(progress::update);
            progress.finish();
            PrintWriter out = spec.commandLine().getOut();
            out.println("copied " + report.copied() + " contents (" + report.bytes() + " bytes) to " + contents + "; "
                    + report.present() + " were there already, " + report.withheld()
                    + " are withheld (redacted or erased)");
            out.flush();
            return ExitCodes.OK;
        } catch (MigrationException | ContentStoreException e) {
            err.println("runtape migrate: contents: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
