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

    @Option(names = "--threads", defaultValue = "2", description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "PT2S", description = "Warm-up per measurement (default: 2 s).")
    Duration warmup;

    @Option(names = "--time", defaultValue = "PT5S", description = "Measured time per measurement (default: 5 s).")
    Duration time;

    @Option(names = "--json", description = "Print one JSON object with every result instead of a table.")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppendBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("runtape-bench");
        try (StoreFactory factory = new StoreFactory(scratch, threads)) {
            for (String store : stores) {
                for (int batch : batches) {
                    for (String engine : engines) {
                        if (!json) {
                            System.err.printf(Locale.ROOT, "measuring %s on %s, batch %d...%n", engine, store, batch);
                        }
                        try (AppendTarget target = factory.fresh(engine, store)) {
                            results.add(AppendRun.measure(target, batch, threads, warmup, time));
                        }
                    }
                }
            }
        }
        System.out.println(json ? BenchReport.json(results) : BenchReport.table(results));
        return 0;
    }
}
