package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;

/**
 * An event as a tracking processor reads it from the log: its token is its log position, the event id its identifier,
 * the recording time its timestamp. Its payload and metadata are read from the stored statement on first use, so a
 * processor that needs only the statement as it was signed (the search projection indexes that) never decodes it into
 * the event's record; {@link #entryOf} gives such a processor the log entry.
 */
public final class StoredEvent<T> extends GenericTrackedDomainEventMessage<T> {

    private final transient LogEntry entry;

    StoredEvent(LogEntry entry, StatementReader reader) {
        super(new GlobalSequenceTrackingToken(entry.position()), aggregateType(entry), entry.stream().value(),
                entry.revision(), new ReadOnUse<>(entry, reader), entry::recordedAt);
        this.entry = entry;
    }

    /** The log entry a message was read from, when it is one of the ledger's. */
    public static Optional<LogEntry> entryOf(EventMessage<?> message) {
        return message instanceof StoredEvent<?> stored ? Optional.of(stored.entry) : Optional.empty();
    }

    /** Axon's aggregate type of a stream: its kind, capitalised as the aggregate class is named ("Trajectory"). */
    static String aggregateType(LogEntry entry) {
        String kind = entry.stream().kind().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    /** Metadata of a stored event: who it speaks for, its tenant, event id and position. */
    static Map<String, Object> metaData(LogEntry entry, String principal) {
        return Map.of(
                LedgerMetaData.PRINCIPAL, principal,
                LedgerMetaData.TENANT, entry.tenant(),
                LedgerMetaData.EVENT_ID, entry.eventId(),
                LedgerMetaData.POSITION, entry.position());
    }

    /** The message a stored event decorates: the statement read once, when its payload or metadata is first asked. */
    private static final class ReadOnUse<T> implements Message<T> {

        private final transient LogEntry entry;
        private final transient StatementReader reader;
        private transient volatile StatementReader.@Nullable Reading reading;

        ReadOnUse(LogEntry entry, StatementReader reader) {
            this.entry = entry;
            this.reader = reader;
        }

        private StatementReader.Reading reading() {
            StatementReader.Reading read = reading;
            if (read == null) {
                // Two threads may both read it: the readings are equal, so either may stay.
                read = reader.read(entry);
                reading = read;
            }
            return read;
        }

        @Override
        public String getIdentifier() {
            return entry.eventId();
        }

        @Override
        public MetaData getMetaData() {
            return MetaData.from(metaData(entry, reading().principal()));
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getPayload() {
            return (T) reading().payload();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<T> getPayloadType() {
            return (Class<T>) reading().payload().getClass();
        }

        @Override
        public Message<T> withMetaData(Map<String, ?> metaData) {
            return new GenericMessage<>(getIdentifier(), getPayload(), metaData);
        }

        @Override
        public Message<T> andMetaData(Map<String, ?> metaData) {
            return withMetaData(getMetaData().mergedWith(metaData));
        }
    }
}
