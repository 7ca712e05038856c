package dev.runtape.ledger.migrate;

import dev.runtape.ledger.content.ContentReferences;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Copies the contents a log refers to (every disclosure and artifact its statements name) from one content store into
 * another, as a node joining others needs (decision 0022): the log says what must be there, so nothing the store
 * held by accident is carried over. A content the target holds already is left alone, so a run continues an
 * interrupted one; a content the source does not hold (redacted or erased) is counted as withheld, as an export
 * reports it. Artifacts are streamed, never held whole; every copy is checked against its digest.
 */
public final class ContentMigration {

    private static final int PAGE = 1000;
    /** The largest artifact copied: what a content store takes at all. */
    private static final long MAX_ARTIFACT = Long.MAX_VALUE;

    private final EventLog log;
    private final ContentStore source;
    private final ContentStore target;

    public ContentMigration(EventLog log, ContentStore source, ContentStore target) {
        this.log = log;
        this.source = source;
        this.target = target;
    }

    /** What a content copy did. */
    public record Report(long copied, long present, long withheld, long bytes) {
    }

    /**
     * Copies every content the log's statements name that the target lacks.
     *
     * @param progress told the log position reached after each page of statements
     * @throws MigrationException if a content read back does not match its digest
     */
    public Report run(LongConsumer progress) throws MigrationException, ContentStoreException {
        Set<Digest> seen = new HashSet<>();
        Tally tally = new Tally();
        long after = 0;
        for (List<LogEntry> page = log.readAfter(after, PAGE); !page.isEmpty(); page = log.readAfter(after, PAGE)) {
            for (LogEntry entry : page) {
                Map<Digest, Boolean> referenced = new LinkedHashMap<>(); // digest to whether it is an artifact's
                try {
                    ContentReferences.walk(Statement.read(entry.statement()).payload(), referenced::putIfAbsent);
                } catch (FormatException e) {
                    throw new MigrationException("the log's entry at position " + entry.position()
                            + " is not a statement: " + e.getMessage());
                }
                for (Map.Entry<Digest, Boolean> reference : referenced.entrySet()) {
                    if (seen.add(reference.getKey())) {
                        copy(reference.getKey(), reference.getValue(), tally);
                    }
                }
                after = entry.position();
            }
            progress.accept(after);
        }
        return new Report(tally.copied, tally.present, tally.withheld, tally.bytes);
    }

    /** What a run has counted so far. */
    private static final class Tally {
        private long copied;
        private long present;
        private long withheld;
        private long bytes;
    }

    /** One content into the target, unless it is there already or the source no longer holds it. */
    private void copy(Digest digest, boolean artifact, Tally tally) throws MigrationException, ContentStoreException {
        if (target.contains(digest)) {
            tally.present++;
            return;
        }
        Optional<StoredContent> stored = artifact ? copyStreamed(digest) : copyWhole(digest);
        if (stored.isEmpty()) {
            tally.withheld++;
            return;
        }
        requireSame(digest, stored.get().digest());
        tally.copied++;
        tally.bytes += stored.get().size();
    }

    /** An artifact, streamed: never held whole. Empty when the source does not hold it. */
    private Optional<StoredContent> copyStreamed(Digest digest) throws ContentStoreException {
        Optional<InputStream> stream = source.open(digest);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(target.put(in, MAX_ARTIFACT));
        } catch (IOException e) {
            throw new ContentStoreException("cannot read the artifact " + digest.hex() + ": " + e, e);
        }
    }

    /** A disclosure, put whole. Empty when the source does not hold it. */
    private Optional<StoredContent> copyWhole(Digest digest) throws ContentStoreException {
        Optional<byte[]> content = source.get(digest);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredContent(target.put(content.get()), content.get().length));
    }

    private void requireSame(Digest expected, Digest stored) throws MigrationException, ContentStoreException {
        if (!expected.equals(stored)) {
            // The target now holds bytes under their own digest, which nothing names: take them out again.
            target.delete(stored);
            throw new MigrationException("the content " + expected.hex() + " read from the source hashes to "
                    + stored.hex() + ": the source store is damaged there");
        }
    }
}
