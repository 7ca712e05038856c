package dev.runtape.ledger.integrator;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Appends arbitrary bytes as statements to a real event log, over a few streams and in batches of a few: the log
 * and the integrator never decode statements. Streams continue from the heads the log holds, so a feed works on
 * any log and after a restart. Not thread-safe.
 */
final class StatementFeed {

    private static final int STREAMS = 3;

    private final EventLog log;
    private final Random random = new Random();
    /** Keeps the event ids of feeds on one log apart. */
    private final String feedId = Long.toHexString(random.nextLong());
    private int appended;

    StatementFeed(EventLog log) {
        this.log = log;
    }

    /** Appends {@code count} statements and returns their entries. */
    List<LogEntry> append(int count) {
        List<LogEntry> entries = new ArrayList<>(count);
        while (entries.size() < count) {
            StreamId stream = StreamId.of(StreamId.Kind.TRAJECTORY, "feed-" + random.nextInt(STREAMS));
            int batch = Math.min(count - entries.size(), 1 + random.nextInt(7));
            List<NewEvent> events = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                byte[] statement = new byte[1 + random.nextInt(200)];
                random.nextBytes(statement);
                events.add(new NewEvent("event-" + feedId + "-" + appended++, "trajectory.noted", "tenant-1",
                        StatementBytes.of(statement)));
            }
            ExpectedRevision expected = log.head(stream).map(StreamHead::expected).orElse(ExpectedRevision.NO_STREAM);
            entries.addAll(log.append(AppendBatch.of(new StreamAppend(stream, expected, events))).entries());
        }
        return entries;
    }

    /** The whole log in position order. */
    static List<LogEntry> readAll(EventLog log) {
        List<LogEntry> all = new ArrayList<>();
        List<LogEntry> page;
        do {
            page = log.readAfter(all.isEmpty() ? EventLog.BEFORE_FIRST : all.getLast().position(), 1000);
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }

    /** The verifier's in-memory tree of the whole log: what the stored tree must equal. */
    static InMemoryMerkleTree referenceTree(EventLog log) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        readAll(log).forEach(entry -> tree.appendLeaf(entry.statement().bytes()));
        return tree;
    }
}
