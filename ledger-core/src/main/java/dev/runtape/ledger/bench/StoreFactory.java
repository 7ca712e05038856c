package dev.runtape.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fresh stores for each measurement, so no engine measures on a table another filled: a new SQLite file, or a new
 * database on one PostgreSQL server started when first needed.
 */
final class StoreFactory implements AutoCloseable {

    private final Path scratch;
    private final int writers;
    private final AtomicInteger next = new AtomicInteger();
    private final PostgresProvider provider;
    private @Nullable PostgresServer postgres;

    StoreFactory(Path scratch, int writers, PostgresProvider provider) throws IOException {
        this.scratch = Files.createDirectories(scratch);
        this.writers = writers;
        this.provider = provider;
    }

    AppendTarget fresh(String engine, String store) throws Exception {
        if (!engine.equals(Targets.RUNTAPE) && !engine.equals(Targets.AXON_JDBC)) {
            throw new IllegalArgumentException("unknown engine \"" + engine + "\": " + Targets.RUNTAPE + " or "
                    + Targets.AXON_JDBC);
        }
        String name = engine + "-" + next.incrementAndGet();
        boolean runtape = engine.equals(Targets.RUNTAPE);
        return switch (store) {
            case "sqlite" -> deletingAfterwards(scratch.resolve(name + ".db"), runtape
                    ? Targets.runtapeOnSqlite(scratch.resolve(name + ".db"))
                    : Targets.axonOnSqlite(scratch.resolve(name + ".db"), writers));
            case "postgres" -> {
                PostgresServer server = postgres();
                String database = server.freshDatabase(name);
                String url = server.url(database);
                AppendTarget target = runtape
                        ? Targets.runtapeOnPostgres(url, server.user(), writers)
                        : Targets.axonOnPostgres(url, server.user(), writers);
                AutoCloseable resources = target.resources();
                yield new AppendTarget(target.engine(), target.store(), target.storage(), () -> {
                    resources.close();
                    server.dropAndCheckpoint(database);
                }, server.postmaster());
            }
            default -> throw new IllegalArgumentException("unknown store \"" + store + "\": sqlite or postgres");
        };
    }

    /** Deletes the database file and its WAL once the target is closed: each measurement writes hundreds of MiB. */
    private static AppendTarget deletingAfterwards(Path file, AppendTarget target) {
        AutoCloseable resources = target.resources();
        return new AppendTarget(target.engine(), target.store(), target.storage(), () -> {
            resources.close();
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }, target.server());
    }

    private PostgresServer postgres() throws Exception {
        if (postgres == null) {
            postgres = provider.start(scratch.resolve("postgres"));
        }
        return postgres;
    }

    @Override
    public void close() throws Exception {
        // The server is stopped, and its data directory removed.
        if (postgres != null) {
            postgres.close();
        }
    }
}
