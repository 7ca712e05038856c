package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;

/** Reads stored statements back into the event records of the catalogue. */
public final class CodecReader implements StatementReader {

    @Override
    public Reading read(LogEntry entry) {
        Class<? extends Record> type = EventCatalogue.payloadType(entry.eventType()).orElseThrow(() ->
                new IllegalStateException("entry " + entry.position() + " has unknown event type "
                        + entry.eventType()));
        try {
            Statement statement = Statement.read(entry.statement());
            return new Reading(statement.header().iss(), PayloadCodec.decode(statement.payload(), type));
        } catch (FormatException e) {
            throw new IllegalStateException("entry " + entry.position() + " of " + entry.stream()
                    + " cannot be read back: " + e.getMessage(), e);
        }
    }
}
