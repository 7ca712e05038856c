package dev.runtape.ledger.bench;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** One engine on one store, ready to append, and what to close when the measurement is done. */
record AppendTarget(String engine, String store, EventStorageEngine storage, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
