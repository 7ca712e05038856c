/**
 * Axon Framework over the event log: an {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} that
 * turns every event an aggregate applies into a signed, chained statement, event-sources aggregates from their
 * streams, and serves the global order to tracking processors.
 */
@NullMarked
package dev.runtape.ledger.axon;

import org.jspecify.annotations.NullMarked;
