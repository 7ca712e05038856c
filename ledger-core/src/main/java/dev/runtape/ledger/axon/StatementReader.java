package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;

/** Reads back what a stored statement says: who it speaks for, and its payload as the record of its event type. */
public interface StatementReader {

    /** What a statement says, read back. */
    record Reading(String principal, Object payload) {
    }

    /**
     * Reads the entry's statement.
     *
     * @throws IllegalStateException when the stored statement cannot be read, which means the store was damaged
     */
    Reading read(LogEntry entry);
}
