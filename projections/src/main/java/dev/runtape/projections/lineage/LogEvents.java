package dev.runtape.projections.lineage;

import dev.runtape.ledger.axon.CodecReader;
import dev.runtape.ledger.axon.StatementReader;
import dev.runtape.ledger.log.LogEntry;

/** Log entries read back as the builder's events, with the same reader Axon's event store uses. */
public final class LogEvents {

    private final StatementReader reader = new CodecReader();

    /**
     * The entry's event.
     *
     * @throws IllegalStateException when the stored statement cannot be read back (a damaged store)
     */
    public LineageEvent read(LogEntry entry) {
        StatementReader.Reading reading = reader.read(entry);
        if (!(reading.payload() instanceof Record payload)) {
            throw new IllegalStateException("entry " + entry.position() + ": expected an event record, found "
                    + reading.payload().getClass().getName());
        }
        return new LineageEvent(entry.position(), entry.tenant(), reading.principal(), entry.eventId(),
                entry.recordedAt(), payload);
    }
}
