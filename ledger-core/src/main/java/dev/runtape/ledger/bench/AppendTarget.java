package dev.runtape.ledger.bench;

import java.util.OptionalLong;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One engine on one store, ready to append, and what to close when the measurement is done.
 *
 * @param server the process id of the store's server (PostgreSQL's postmaster), whose time counts as the store's
 */
record AppendTarget(String engine, String store, EventStorageEngine storage, AutoCloseable resources,
        OptionalLong server) implements AutoCloseable {

    AppendTarget(String engine, String store, EventStorageEngine storage, AutoCloseable resources) {
        this(engine, store, storage, resources, OptionalLong.empty());
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
