package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Stored statements as Axon messages: the event id is the message identifier, the recording time its timestamp. */
final class MessageMapper {

    private final StatementReader reader;

    MessageMapper(StatementReader reader) {
        this.reader = reader;
    }

    DomainEventMessage<?> domainEvent(LogEntry entry) {
        StatementReader.Reading reading = reader.read(entry);
        return new GenericDomainEventMessage<>(StoredEvent.aggregateType(entry), entry.stream().value(),
                entry.revision(), reading.payload(), StoredEvent.metaData(entry, reading.principal()), entry.eventId(),
                entry.recordedAt());
    }

    /** A tracked event reads its statement when it is first asked for its payload or metadata. */
    TrackedEventMessage<?> trackedEvent(LogEntry entry) {
        return new StoredEvent<>(entry, reader);
    }
}
