package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventIdConflictException;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.RevisionConflictException;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamId;
import io.kurrent.dbclient.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The committed entries of the log as read so far from the commit stream, indexed by position, event id and stream,
 * and the judgement of a new batch against them. Every node builds the same one from the same commit stream, so
 * every node judges a batch alike. Safe for many threads.
 */
final class CommittedEntries {

    private final List<LogEntry> byPosition = new ArrayList<>();
    private final Map<String, LogEntry> byEventId = new HashMap<>();
    private final Map<StreamId, List<LogEntry>> byStream = new HashMap<>();
    /** Per batch, in commit order: its first position and the KurrentDB {@code $all} position of its event. */
    private final List<long[]> batchPositions = new ArrayList<>();
    private long commitRevision = -1;

    /** The commit stream's revision of the last batch read, -1 before the first. */
    synchronized long commitRevision() {
        return commitRevision;
    }

    synchronized long lastPosition() {
        return byPosition.size();
    }

    /**
     * Adds the batch at {@code revision} of the commit stream.
     *
     * @throws IllegalStateException when it does not continue the log: another position than the next, or a revision
     *     of a stream that is not its next
     */
    synchronized List<LogEntry> add(long revision, CommittedBatch batch, Instant created, Position allPosition) {
        if (revision != commitRevision + 1) {
            throw new IllegalStateException("expected the batch at revision " + (commitRevision + 1)
                    + ", found revision " + revision);
        }
        if (batch.firstPosition() != byPosition.size() + 1) {
            throw new IllegalStateException("batch at revision " + revision + ": expected first position "
                    + (byPosition.size() + 1) + ", found " + batch.firstPosition());
        }
        List<LogEntry> added = new ArrayList<>(batch.events().size());
        long position = batch.firstPosition();
        for (CommittedBatch.Event event : batch.events()) {
            StreamId stream = new StreamId(event.stream());
            List<LogEntry> streamEntries = byStream.computeIfAbsent(stream, s -> new ArrayList<>());
            if (event.revision() != streamEntries.size() || byEventId.containsKey(event.eventId())) {
                throw new IllegalStateException("batch at revision " + revision + ": expected " + stream
                        + " at revision " + streamEntries.size() + " and a new event id, found revision "
                        + event.revision() + " and event id \"" + event.eventId() + "\"");
            }
            LogEntry entry = new LogEntry(position++, stream, event.revision(), event.eventId(), event.eventType(),
                    event.tenant(), StatementBytes.of(event.statement()), created);
            added.add(entry);
            byPosition.add(entry);
            byEventId.put(entry.eventId(), entry);
            streamEntries.add(entry);
        }
        commitRevision = revision;
        batchPositions.add(new long[] {batch.firstPosition(), allPosition.getCommitUnsigned(),
                allPosition.getPrepareUnsigned()});
        return added;
    }

    /** The {@code $all} position of the commit-stream event that holds the entry at {@code position}. */
    synchronized Optional<Position> allPositionOf(long position) {
        if (position < 1 || position > byPosition.size()) {
            return Optional.empty();
        }
        int low = 0;
        int high = batchPositions.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (batchPositions.get(middle)[0] <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        long[] batch = batchPositions.get(low);
        return Optional.of(new Position(batch[1], batch[2]));
    }

    synchronized Optional<LogEntry> last(StreamId stream) {
        List<LogEntry> entries = byStream.get(stream);
        return entries == null ? Optional.empty() : Optional.of(entries.getLast());
    }

    synchronized List<LogEntry> stream(StreamId stream, long fromRevision, int limit) {
        List<LogEntry> entries = byStream.getOrDefault(stream, List.of());
        int from = (int) Math.min(fromRevision, entries.size());
        return List.copyOf(entries.subList(from, (int) Math.min(entries.size(), (long) from + limit)));
    }

    synchronized List<LogEntry> after(long afterPosition, int limit) {
        int from = (int) Math.min(afterPosition, byPosition.size());
        return List.copyOf(byPosition.subList(from, (int) Math.min(byPosition.size(), (long) from + limit)));
    }

    synchronized Optional<LogEntry> byEventId(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    /**
     * A batch judged against the entries up to commit-stream revision {@code commitRevision}: a retry with its
     * original entries, or a new batch to commit right after that revision, from position {@code lastPosition + 1}.
     */
    record Judgement(Optional<AppendResult> retry, long commitRevision, long lastPosition) {}

    /**
     * What storing {@code batch} now would mean, and the state it was judged on: a batch may only be committed right
     * after the revision it was judged at, since a later one may hold what makes it wrong.
     *
     * @throws EventIdConflictException when ids are reused without being a retry (judged before revisions)
     * @throws RevisionConflictException when a stream is not at its expected revision
     */
    synchronized Judgement judge(AppendBatch batch) {
        Optional<AppendResult> retry = retryOf(batch);
        if (retry.isPresent()) {
            return new Judgement(retry, commitRevision, byPosition.size());
        }
        for (StreamAppend append : batch.appends()) {
            List<LogEntry> entries = byStream.getOrDefault(append.stream(), List.of());
            long actual = entries.size() - 1;
            if (actual != append.expected().lastRevision()) {
                throw new RevisionConflictException(append.stream(), append.expected(), ExpectedRevision.of(actual));
            }
        }
        return new Judgement(Optional.empty(), commitRevision, byPosition.size());
    }

    private Optional<AppendResult> retryOf(AppendBatch batch) {
        @Nullable String missing = null;
        List<LogEntry> entries = new ArrayList<>();
        for (StreamAppend append : batch.appends()) {
            for (NewEvent event : append.events()) {
                LogEntry entry = byEventId.get(event.eventId());
                if (entry == null) {
                    missing = missing == null ? event.eventId() : missing;
                } else if (!entry.stream().equals(append.stream())) {
                    throw new EventIdConflictException(event.eventId(), "stored in stream " + entry.stream()
                            + " at revision " + entry.revision() + ", but the batch appends it to " + append.stream());
                } else if (!entry.statement().equals(event.statement())) {
                    throw new EventIdConflictException(event.eventId(), "stored in stream " + entry.stream()
                            + " at revision " + entry.revision() + " with another statement ("
                            + entry.statement().digest().hex() + ", the batch's is " + event.statement().digest().hex()
                            + "): an id names one event, and a new event needs a new id");
                } else {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (missing != null) {
            throw new EventIdConflictException(entries.getFirst().eventId(), "stored already, but event id \""
                    + missing + "\" of the same batch is not: a retry must repeat its batch, and a new batch needs "
                    + "new ids");
        }
        return Optional.of(new AppendResult(entries, true));
    }

    /** The entries of {@code stream} after revision {@code afterRevision}: what its copy lacks. */
    synchronized List<LogEntry> streamAfter(StreamId stream, long afterRevision) {
        return stream(stream, afterRevision + 1, Integer.MAX_VALUE);
    }
}
