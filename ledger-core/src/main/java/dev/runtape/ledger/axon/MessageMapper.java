package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Stored statements as Axon messages: the event id is the message identifier, the recording time its timestamp. */
final class MessageMapper {

    private final StatementReader reader;

    MessageMapper(StatementReader reader) {
        this.reader = reader;
    }

    DomainEventMessage<?> domainEvent(LogEntry entry) {
        StatementReader.Reading reading = reader.read(entry);
        Map<String, Object> metaData = Map.of(
                LedgerMetaData.PRINCIPAL, reading.principal(),
                LedgerMetaData.TENANT, entry.tenant(),
                LedgerMetaData.EVENT_ID, entry.eventId(),
                LedgerMetaData.POSITION, entry.position());
        return new GenericDomainEventMessage<>(aggregateType(entry), entry.stream().value(), entry.revision(),
                reading.payload(), metaData, entry.eventId(), entry.recordedAt());
    }

    TrackedEventMessage<?> trackedEvent(LogEntry entry) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(entry.position()),
                domainEvent(entry));
    }

    /** Axon's aggregate type of a stream: its kind, capitalised as the aggregate class is named ("Trajectory"). */
    private static String aggregateType(LogEntry entry) {
        String kind = entry.stream().kind().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
