package dev.runtape.ledger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runtape bench append}: durable appends per second of Runtape's engine (schema-checked, signed, chained
 * statements) and of Axon's stock {@code JdbcEventStorageEngine} (which signs nothing), on the same stores, at the
 * same batch sizes, in one run. PostgreSQL is a server named with {@code --postgres-url}, or, in the Maven profile
 * {@code bench-append} ({@code EmbeddedPostgresBenchmark}), one the run starts itself.
 */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Measure durable signed appends per second against Axon's stock JDBC engine.")
public final class AppendBenchmark implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final PostgresProvider builtIn;

    @Option(names = "--store", split = ",",
            description = "Stores to measure: sqlite, postgres (default: sqlite, and postgres when there is a server).")
    @Nullable List<String> stores;

    @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
            description = "A PostgreSQL server to measure on, e.g. jdbc:postgresql://db:5432/postgres; the benchmark "
                    + "creates and drops a database per measurement.")
    @Nullable String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "postgres",
            description = "A user that may create databases (default: ${DEFAULT-VALUE}).")
    String postgresUser = "postgres";

    @Option(names = "--postgres-password-file", paramLabel = "FILE", description = "A file holding its password.")
    @Nullable Path postgresPasswordFile;

    @Option(names = "--engine", split = ",", defaultValue = "runtape,axon-jdbc",
            description = "Engines to measure: runtape, axon-jdbc (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--batch", split = ",", defaultValue = "1,10,100",
            description = "Events per append (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    /**
     * 32 by default, the same for both engines: a service appends for many capture agents at once. Runtape's log
     * commits what arrives together in one transaction, so it needs writers that arrive together; Axon's engine, with
     * one connection per writer, is at its best on PostgreSQL from 16 writers up and about flat on SQLite, except at
     * batches of 100, where it is best with 2 writers (docs/benchmarks.md, "Appends", has the whole sweep).
     */
    @Option(names = "--threads", split = ",", defaultValue = "32",
            description = "Concurrent writers, one measurement per count (default: ${DEFAULT-VALUE}).")
    List<Integer> writerCounts;

    @Option(names = "--warmup", defaultValue = "PT5S", description = "Warm-up per measurement (default: 5 s).")
    Duration warmup;

    @Option(names = "--time", defaultValue = "PT10S", description = "Measured time per measurement (default: 10 s).")
    Duration time;

    @Option(names = "--jvm-warmup", defaultValue = "PT10S",
            description = "Unmeasured appends of every engine on every store before the first measurement, so that no "
                    + "measurement pays for compiling the code the others run on (default: 10 s each).")
    Duration jvmWarmup;

    @Option(names = "--json", description = "Print one JSON object with every result instead of a table.")
    boolean json;

    /** A benchmark whose PostgreSQL is the one {@code --postgres-url} names. */
    public AppendBenchmark() {
        this(PostgresProvider.NONE);
    }

    /** A benchmark that starts {@code builtIn} when PostgreSQL is measured and no server is named. */
    public AppendBenchmark(PostgresProvider builtIn) {
        this.builtIn = builtIn;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppendBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        PostgresProvider provider = postgres();
        List<String> stores = stores(provider);
        List<BenchResult> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("runtape-bench");
        if (!jvmWarmup.isZero()) {
            warmUpTheJvm(scratch.resolve("jvm-warmup"), stores, provider, progress);
        }
        for (int writers : writerCounts) {
            try (StoreFactory factory = new StoreFactory(scratch.resolve("writers-" + writers), writers, provider)) {
                for (String store : stores) {
                    for (int batch : batches) {
                        for (String engine : engines) {
                            if (!json) {
                                progress.printf(Locale.ROOT, "measuring %s on %s, batch %d, %d writers...%n",
                                        engine, store, batch, writers);
                            }
                            try (AppendTarget target = factory.fresh(engine, store)) {
                                results.add(AppendRun.measure(target, batch, writers, warmup, time));
                            }
                        }
                    }
                }
            }
        }
        out.println(json ? BenchReport.json(results) : BenchReport.table(results));
        out.flush();
        return 0;
    }

    /** The server {@code --postgres-url} names, else the built-in one. */
    private PostgresProvider postgres() throws IOException {
        if (postgresUrl == null) {
            return builtIn;
        }
        String password = postgresPasswordFile == null ? null : Files.readString(postgresPasswordFile).trim();
        try {
            ExternalPostgres server = new ExternalPostgres(postgresUrl, postgresUser, password);
            return scratch -> server;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<String> stores(PostgresProvider provider) {
        if (stores != null) {
            if (stores.contains("postgres") && provider == PostgresProvider.NONE) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--store postgres needs a server: "
                        + "--postgres-url jdbc:postgresql://HOST[:PORT]/postgres");
            }
            return stores;
        }
        return provider == PostgresProvider.NONE ? List.of("sqlite") : List.of("sqlite", "postgres");
    }

    private void warmUpTheJvm(Path scratch, List<String> stores, PostgresProvider provider, PrintWriter progress)
            throws Exception {
        int writers = writerCounts.getFirst();
        try (StoreFactory factory = new StoreFactory(scratch, writers, provider)) {
            for (String store : stores) {
                for (String engine : engines) {
                    if (!json) {
                        progress.printf(Locale.ROOT, "warming the JVM up: %s on %s...%n", engine, store);
                    }
                    try (AppendTarget target = factory.fresh(engine, store)) {
                        AppendRun.measure(target, 10, writers, jvmWarmup, Duration.ofSeconds(1));
                    }
                }
            }
        }
    }
}
