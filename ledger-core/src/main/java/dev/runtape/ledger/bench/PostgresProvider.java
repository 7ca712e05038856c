package dev.runtape.ledger.bench;

import java.nio.file.Path;

/** Where the benchmark's PostgreSQL server comes from: one started for the run, or one named on the command line. */
@FunctionalInterface
public interface PostgresProvider {

    /** No server: the benchmark measures SQLite only, and refuses {@code --store postgres}. */
    PostgresProvider NONE = scratch -> {
        throw new IllegalStateException("no PostgreSQL server was named");
    };

    /** Starts or connects to the server, with {@code scratch} for a server of its own to keep its data in. */
    PostgresServer start(Path scratch) throws Exception;
}
