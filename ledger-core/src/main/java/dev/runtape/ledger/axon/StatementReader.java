package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;

/** Reads back what a stored statement says: its payload as the event record of its type, and its principal. */
public interface StatementReader {

    /** The payload of the entry's statement, as the record of its event type. */
    Object payload(LogEntry entry);

    /** The principal the statement speaks for (its {@code iss}). */
    String principal(LogEntry entry);
}
