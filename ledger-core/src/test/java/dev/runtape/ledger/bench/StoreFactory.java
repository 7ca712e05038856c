package dev.runtape.ledger.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh stores for each measurement, so no engine measures on a table another filled. */
final class StoreFactory implements AutoCloseable {

    private final Path scratch;
    private final int writers;
    private final AtomicInteger next = new AtomicInteger();

    StoreFactory(Path scratch, int writers) {
        this.scratch = scratch;
        this.writers = writers;
    }

    AppendTarget fresh(String engine, String store) throws Exception {
        String name = engine + "-" + next.incrementAndGet();
        return switch (store) {
            case "sqlite" -> engine.equals(Targets.RUNTAPE)
                    ? Targets.runtapeOnSqlite(scratch.resolve(name + ".db"))
                    : Targets.axonOnSqlite(scratch.resolve(name + ".db"), writers);
            default -> throw new IllegalArgumentException("unknown store \"" + store + "\": sqlite or postgres");
        };
    }

    @Override
    public void close() {
        // the scratch directory is left to the system's temporary-file cleaning
    }
}
