package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest a stream's next statement must name as {@code prev}. Remembers the heads of recently appended streams,
 * so a busy stream costs no read per append. A remembered head can never be wrong: the statement at a revision never
 * changes once stored, and if another writer moved the stream on, the log refuses the append on its revision.
 */
final class ChainHeads {

    private static final int CAPACITY = 65_536;

    private final EventLog log;
    private final Map<StreamId, StreamHead> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, StreamHead> eldest) {
            return size() > CAPACITY;
        }
    };

    ChainHeads(EventLog log) {
        this.log = log;
    }

    /**
     * The digest of the statement at {@code revision} in {@code stream}: what the statement at {@code revision + 1}
     * names as {@code prev}. {@link Digest#ZERO} for revision -1, before the first statement.
     *
     * @return empty when the stream has no statement at that revision
     */
    Optional<Digest> digestAt(StreamId stream, long revision) {
        if (revision < 0) {
            return Optional.of(Digest.ZERO);
        }
        StreamHead head;
        synchronized (recent) {
            head = recent.get(stream);
        }
        if (head != null && head.revision() == revision) {
            return Optional.of(head.digest());
        }
        List<LogEntry> entries = log.readStream(stream, revision, 1);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst().statement().digest());
    }

    /** Remembers the new head of a stream after an append. */
    void moved(StreamHead head) {
        synchronized (recent) {
            StreamHead known = recent.get(head.stream());
            if (known == null || known.revision() < head.revision()) {
                recent.put(head.stream(), head);
            }
        }
    }
}
