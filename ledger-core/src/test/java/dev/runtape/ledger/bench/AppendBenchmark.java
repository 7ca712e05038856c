package dev.runtape.ledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runtape bench append} until the command line arrives: durable appends per second of Runtape's engine
 * (schema-checked, signed, chained statements) and of Axon's stock {@code JdbcEventStorageEngine} (which signs
 * nothing), on the same stores, at the same batch sizes, in one run. Run it with
 * {@code ops/scripts/with-jdk ./mvnw -B -q -pl ledger-core -Pbench-append test-compile exec:exec}.
 */
@Command(name = "runtape bench append", mixinStandardHelpOptions = true,
        description = "Measure durable signed appends per second against Axon's stock JDBC engine.")
public final class AppendBenchmark implements Callable<Integer> {

    @Option(names = "--store", split = ",", defaultValue = "sqlite,postgres",
            description = "Stores to measure: sqlite, postgres (default: ${DEFAULT-VALUE}).")
    List<String> stores;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppendBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("runtape-bench");
        if (!jvmWarmup.isZero()) {
            warmUpTheJvm(scratch.resolve("jvm-warmup"));
        }
        for (int writers : writerCounts) {
            try (StoreFactory factory = new StoreFactory(scratch.resolve("writers-" + writers), writers)) {
                for (String store : stores) {
                    for (int batch : batches) {
                        for (String engine : engines) {
                            if (!json) {
                                System.err.printf(Locale.ROOT, "measuring %s on %s, batch %d, %d writers...%n",
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
        System.out.println(json ? BenchReport.json(results) : BenchReport.table(results));
        return 0;
    }

    private void warmUpTheJvm(Path scratch) throws Exception {
        int writers = writerCounts.getFirst();
        try (StoreFactory factory = new StoreFactory(scratch, writers)) {
            for (String store : stores) {
                for (String engine : engines) {
                    if (!json) {
                        System.err.printf(Locale.ROOT, "warming the JVM up: %s on %s...%n", engine, store);
                    }
                    try (AppendTarget target = factory.fresh(engine, store)) {
                        AppendRun.measure(target, 10, writers, jvmWarmup, Duration.ofSeconds(1));
                    }
                }
            }
        }
    }
}
