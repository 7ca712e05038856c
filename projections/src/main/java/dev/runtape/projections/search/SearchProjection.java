package dev.runtape.projections.search;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.projections.ProjectionProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Follows the log into the search index. Each cycle reads the next entries after its position, notes the trajectories
 * they touch, and indexes each of those once ({@link StreamDocuments}): made from the cycle's own entries when they
 * hold the trajectory's stream from its start, as a replay's mostly do, else from its whole stream read back. Contents
 * are read from the store as it is now (a redacted content is a digest, not text, so a redaction takes the text out
 * of the index when its statement is projected); labels and the latest review come from the stream. The position is
 * kept in a file beside the index, written after the documents, so a restart goes on where it stopped and indexing a
 * trajectory twice is harmless. {@link #reset()} asks for a rebuild from position 0, done by the next cycle while the
 * service runs.
 */
public final class SearchProjection {

    /** The projection's name in progress reports and metrics. */
    public static final String NAME = "search";

    private final EventLog log;
    private final TrajectorySearch search;
    private final StreamDocuments streams;
    private final Path positionFile;
    private final int batchSize;
    private volatile long position;
    private volatile boolean resetRequested;
    private volatile long replays;
    /** Daemon threads, one per core, so a projection nobody closes does not keep the JVM alive. */
    private final ExecutorService readers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "runtape-search-reader");
                thread.setDaemon(true);
                return thread;
            });

    public SearchProjection(EventLog log, Disclosures disclosures, TrajectorySearch search, Path positionFile,
            int batchSize) throws IOException {
        this.log = log;
        this.search = search;
        this.streams = new StreamDocuments(log, disclosures);
        this.positionFile = positionFile;
        this.batchSize = batchSize;
        this.position = Files.isRegularFile(positionFile)
                ? Long.parseLong(Files.readString(positionFile, StandardCharsets.US_ASCII).strip()) : 0;
    }

    public TrajectorySearch search() {
        return search;
    }

    public long position() {
        return resetRequested ? 0 : position;
    }

    public long replays() {
        return replays;
    }

    /** How far the index has read, as every projection reports it. */
    public ProjectionProgress progress() {
        long at = position(); // before the log's end, so the lag is never negative
        return new ProjectionProgress(NAME, at, log.lastPosition(), replays);
    }

    /** Asks for a rebuild from position 0: the next cycle clears the index first. */
    public void reset() {
        resetRequested = true;
    }

    /**
     * One cycle: the rebuild if one was asked for, then up to one batch of entries.
     *
     * @return how many entries it took in
     */
    public synchronized int runOnce() throws SearchException {
        if (resetRequested) {
            search.clear();
            position = 0;
            savePosition();
            resetRequested = false;
            replays++;
        }
        List<LogEntry> entries = log.readAfter(position, batchSize);
        Map<String, Touched> touched = new LinkedHashMap<>(); // by trajectory id, in log order
        for (LogEntry entry : entries) {
            if (entry.stream().kind() == StreamId.Kind.TRAJECTORY) {
                touched.computeIfAbsent(entry.stream().aggregateId(), id -> new Touched(id, entry.tenant(),
                        new ArrayList<>())).entries().add(entry);
            }
        }
        List<DocumentAt> documents = documents(List.copyOf(touched.values()));
        if (!documents.isEmpty()) {
            search.indexAllAt(documents);
        }
        if (!entries.isEmpty()) {
            position = entries.getLast().position();
            savePosition();
        }
        return entries.size();
    }

    /**
     * A trajectory the cycle's entries touch, with its entries among them: its whole stream so far when they begin
     * at its start (a replay sees most trajectories whole), else only part of it.
     */
    private record Touched(String id, String tenant, List<LogEntry> entries) {

        boolean fromTheStart() {
            return entries.getFirst().revision() == 0;
        }
    }

    /** The touched trajectories' documents, made on every core: decoding and reading contents is the cycle's work. */
    private List<DocumentAt> documents(List<Touched> work) throws SearchException {
        if (work.size() < 2) {
            List<DocumentAt> one = new ArrayList<>();
            for (Touched trajectory : work) {
                document(trajectory).ifPresent(one::add);
            }
            return one;
        }
        List<Future<Optional<DocumentAt>>> futures = new ArrayList<>();
        for (Touched trajectory : work) {
            futures.add(readers.submit(() -> document(trajectory)));
        }
        List<DocumentAt> documents = new ArrayList<>();
        for (Future<Optional<DocumentAt>> future : futures) {
            try {
                future.get().ifPresent(documents::add);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SearchException search ? search
                        : new SearchException("a trajectory could not be indexed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchException("interrupted while indexing", e);
            }
        }
        return documents;
    }

    /** The document at the position of the last entry it was made from (as indexAllAt orders writers by). */
    private Optional<DocumentAt> document(Touched trajectory) throws SearchException {
        List<LogEntry> stream = trajectory.fromTheStart() ? trajectory.entries() : streams.stream(trajectory.id());
        return streams.document(trajectory.tenant(), trajectory.id(), stream)
                .map(document -> new DocumentAt(document, stream.getLast().position()));
    }

    /** Runs cycles until the index holds everything the log held when this was called. */
    public void catchUp() throws SearchException {
        long last = log.lastPosition();
        while (position < last || resetRequested) {
            if (runOnce() == 0 && !resetRequested) {
                return;
            }
        }
    }

    private void savePosition() throws SearchException {
        try {
            Path next = positionFile.resolveSibling(positionFile.getFileName() + ".next");
            Files.writeString(next, Long.toString(position), StandardCharsets.US_ASCII);
            Files.move(next, positionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SearchException("cannot keep the search projection's position in " + positionFile + ": "
                    + e.getMessage(), e);
        }
    }
}
