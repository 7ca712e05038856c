package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.RevisionConflictException;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Axon's event storage over Runtape's event log. Each event an aggregate applies becomes a statement in the
 * aggregate's stream: the aggregate identifier is the stream id, Axon's sequence number the stream revision, and
 * {@code prev} the digest of the statement before it. Tracking processors read the log's global order; since the log's
 * positions are gapless and in commit order (decision 0007), a {@link GlobalSequenceTrackingToken} holds them exactly.
 *
 * <p>Snapshots are not stored: the log holds signed statements only, and aggregates here stay small.
 */
public final class LedgerEventStorageEngine implements EventStorageEngine {

    private static final Duration BLOCKING_WAIT = Duration.ofSeconds(1);

    private final EventLog log;
    private final StatementMint mint;
    private final StatementReader reader;
    private final EngineSettings settings;
    private final ChainHeads heads;
    private final MessageMapper messages;

    public LedgerEventStorageEngine(EventLog log, StatementMint mint, StatementReader reader,
            EngineSettings settings) {
        this.log = log;
        this.mint = mint;
        this.reader = reader;
        this.settings = settings;
        this.heads = new ChainHeads(log);
        this.messages = new MessageMapper(reader);
    }

    /**
     * Signs and appends the events of one unit of work atomically.
     *
     * @throws ConcurrencyException when another writer moved one of the streams on first (its cause is the log's
     *     {@link RevisionConflictException})
     * @throws IllegalArgumentException for an event that is not an aggregate's, or whose payload the schemas refuse
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<StreamId, List<DomainEventMessage<?>>> byStream = groupByStream(events);
        List<StreamAppend> appends = new ArrayList<>(byStream.size());
        for (Map.Entry<StreamId, List<DomainEventMessage<?>>> stream : byStream.entrySet()) {
            appends.add(signed(stream.getKey(), stream.getValue()));
        }
        try {
            for (LogEntry entry : log.append(new AppendBatch(appends)).entries()) {
                heads.moved(new StreamHead(entry.stream(), entry.revision(), entry.statement().digest()));
            }
        } catch (RevisionConflictException conflict) {
            throw new ConcurrencyException(conflict.getMessage(), conflict);
        }
    }

    private static Map<StreamId, List<DomainEventMessage<?>>> groupByStream(List<? extends EventMessage<?>> events) {
        Map<StreamId, List<DomainEventMessage<?>>> byStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalArgumentException("only events of aggregates are stored in the ledger, not "
                        + event.getPayloadType().getName());
            }
            byStream.computeIfAbsent(new StreamId(domainEvent.getAggregateIdentifier()), key -> new ArrayList<>())
                    .add(domainEvent);
        }
        return byStream;
    }

    private StreamAppend signed(StreamId stream, List<DomainEventMessage<?>> events) {
        long first = events.getFirst().getSequenceNumber();
        Digest prev = heads.digestAt(stream, first - 1).orElseThrow(() -> new ConcurrencyException(
                "stream " + stream + " has no revision " + (first - 1) + " to continue from"));
        List<NewEvent> statements = new ArrayList<>(events.size());
        long revision = first;
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() != revision) {
                throw new IllegalArgumentException("events of " + stream + " are not consecutive: expected revision "
                        + revision + ", got " + event.getSequenceNumber());
            }
            StatementDraft draft = draft(stream, revision, prev, event);
            Object signedByProducer = event.getMetaData().get(LedgerMetaData.SIGNED_STATEMENT);
            StatementBytes statement = signedByProducer instanceof byte[] bytes
                    ? mint.accept(draft, StatementBytes.of(bytes))
                    : mint.mint(draft);
            statements.add(new NewEvent(draft.eventId(), draft.eventType(), draft.tenant(), statement));
            prev = statement.digest();
            revision++;
        }
        return new StreamAppend(stream, ExpectedRevision.of(first - 1), statements);
    }

    private StatementDraft draft(StreamId stream, long revision, Digest prev, DomainEventMessage<?> event) {
        String eventType = dev.runtape.ledger.domain.EventCatalogue.eventType(event.getPayload())
                .orElseThrow(() -> new IllegalArgumentException(
                        event.getPayloadType().getName() + " is not an event of the catalogue"));
        return new StatementDraft(stream, revision, prev, eventType,
                text(event, LedgerMetaData.EVENT_ID, event.getIdentifier()),
                text(event, LedgerMetaData.TENANT, settings.defaultTenant()),
                text(event, LedgerMetaData.PRINCIPAL, settings.servicePrincipal()), event.getPayload());
    }

    private static String text(EventMessage<?> event, String key, String fallback) {
        Object value = event.getMetaData().get(key);
        return value == null ? fallback : value.toString();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // Not stored, by design: see the class comment. Axon calls this only when a snapshotter is configured.
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        if (!StreamId.isValid(aggregateIdentifier)) {
            return DomainEventStream.empty();
        }
        StreamId stream = new StreamId(aggregateIdentifier);
        Stream<DomainEventMessage<?>> stored = Pages.of(Math.max(0, firstSequenceNumber),
                from -> log.readStream(stream, from, settings.readPage()),
                entry -> entry.revision() + 1)
                .map(messages::domainEvent);
        return DomainEventStream.of(stored);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        long after = Tokens.position(trackingToken);
        if (mayBlock) {
            try {
                log.awaitAfter(after, BLOCKING_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Pages.of(after, from -> log.readAfter(from, settings.readPage()), LogEntry::position)
                .map(messages::trackedEvent);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!StreamId.isValid(aggregateIdentifier)) {
            return Optional.empty();
        }
        return log.head(new StreamId(aggregateIdentifier)).map(StreamHead::revision);
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(EventLog.BEFORE_FIRST);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(log.lastPosition());
    }

    /** A token before the first entry recorded at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return new GlobalSequenceTrackingToken(Tokens.positionBefore(log, dateTime));
    }
}
