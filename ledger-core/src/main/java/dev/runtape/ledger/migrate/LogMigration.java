package dev.runtape.ledger.migrate;

import dev.runtape.ledger.integrator.Frontier;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Copies a log into another store, statement for statement, so every entry keeps its position, stream, revision,
 * event id and bytes; then proves the copy: the RFC 9162 root of the target's log equals the source's, and the
 * target's first N entries reproduce the root of the source's latest signed checkpoint of size N. A target that
 * already holds a prefix of the source (an interrupted run) is checked entry by entry and continued; a target that
 * holds anything else is refused before anything is written.
 *
 * <p>Entries are appended in position order, in batches in which each stream's events are consecutive: a batch's
 * events take positions in their order in the batch, so the target's positions are the source's.
 */
public final class LogMigration {

    private static final int PAGE = 1000;

    private final EventLog source;
    private final EventLog target;

    public LogMigration(EventLog source, EventLog target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Copies what the target lacks and proves the whole copy.
     *
     * @param checkpoint the source's latest signed checkpoint, if it has one
     * @param progress told the last position copied after each batch
     */
    public MigrationReport run(Optional<SignedCheckpoint> checkpoint, LongConsumer progress)
            throws MigrationException {
        long held = target.lastPosition();
        long last = source.lastPosition();
        if (held > last) {
            throw new MigrationException("the target holds " + held + " entries, more than the source's " + last
                    + ": it is another log");
        }
        compare(held);
        long copied = 0;
        for (long after = held; after < last; ) {
            List<LogEntry> page = source.readAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AppendBatch batch : batches(page)) {
                target.append(batch);
            }
            copied += page.size();
            after = page.getLast().position();
            progress.accept(after);
        }
        Digest sourceRoot = root(source, Long.MAX_VALUE);
        Digest targetRoot = root(target, Long.MAX_VALUE);
        if (!sourceRoot.equals(targetRoot)) {
            throw new MigrationException("the copy's root " + targetRoot.hex() + " is not the source's "
                    + sourceRoot.hex());
        }
        Long size = null;
        Digest checkpointRoot = null;
        if (checkpoint.isPresent()) {
            size = checkpoint.get().treeSize();
            checkpointRoot = root(target, size);
            if (!checkpointRoot.equals(checkpoint.get().root())) {
                throw new MigrationException("the copy's first " + size + " entries have the root "
                        + checkpointRoot.hex() + ", not the root " + checkpoint.get().root().hex()
                        + " of the source's signed checkpoint");
            }
        }
        return new MigrationReport(copied, held, target.lastPosition(), targetRoot, size, checkpointRoot);
    }

    /** The target's entries must be the source's, byte for byte, up to {@code held}. */
    private void compare(long held) throws MigrationException {
        for (long after = 0; after < held; ) {
            List<LogEntry> mine = target.readAfter(after, PAGE);
            List<LogEntry> theirs = source.readAfter(after, PAGE);
            for (int i = 0; i < mine.size(); i++) {
                LogEntry copy = mine.get(i);
                LogEntry original = i < theirs.size() ? theirs.get(i) : null;
                if (original == null || copy.position() != original.position()
                        || !copy.statement().digest().equals(original.statement().digest())) {
                    throw new MigrationException("the target's entry at position " + copy.position()
                            + " is not the source's: the target holds another log; migrate into an empty store");
                }
            }
            if (mine.isEmpty()) {
                break;
            }
            after = mine.getLast().position();
        }
    }

    /** Consecutive entries as batches in which each stream appears once and only in one run. */
    static List<AppendBatch> batches(List<LogEntry> entries) {
        List<AppendBatch> batches = new ArrayList<>();
        Map<StreamId, List<LogEntry>> open = new LinkedHashMap<>();
        StreamId current = null;
        for (LogEntry entry : entries) {
            if (!entry.stream().equals(current) && open.containsKey(entry.stream())) {
                batches.add(batch(open));
                open.clear();
            }
            open.computeIfAbsent(entry.stream(), s -> new ArrayList<>()).add(entry);
            current = entry.stream();
        }
        if (!open.isEmpty()) {
            batches.add(batch(open));
        }
        return batches;
    }

    private static AppendBatch batch(Map<StreamId, List<LogEntry>> streams) {
        List<StreamAppend> appends = new ArrayList<>();
        streams.forEach((stream, entries) -> {
            long first = entries.getFirst().revision();
            appends.add(new StreamAppend(stream, first == 0 ? ExpectedRevision.NO_STREAM
                    : ExpectedRevision.of(first - 1), entries.stream().map(e -> new NewEvent(e.eventId(),
                    e.eventType(), e.tenant(), e.statement())).toList()));
        });
        return new AppendBatch(appends);
    }

    /** The RFC 9162 root of a log's first {@code size} entries (all, for a larger size), leaves its statements. */
    static Digest root(EventLog log, long size) {
        Frontier frontier = Frontier.EMPTY;
        for (long after = 0; after < size; ) {
            List<LogEntry> page = log.readAfter(after, (int) Math.min(PAGE, size - after));
            if (page.isEmpty()) {
                break;
            }
            List<Digest> leaves = page.stream().map(e -> Rfc9162Hasher.hashLeaf(e.statement().bytes())).toList();
            frontier = frontier.append(leaves).frontier();
            after = page.getLast().position();
        }
        return frontier.root();
    }
}
