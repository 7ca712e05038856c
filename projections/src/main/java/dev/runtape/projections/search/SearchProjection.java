package dev.runtape.projections.search;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.projections.ProjectionProgress;
import dev.runtape.projections.tracking.BatchProjection;
import dev.runtape.projections.tracking.TrackedProjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Follows the log into the search index, on an Axon tracking processor ({@link TrackedProjection}). Each batch notes
 * the trajectories its entries touch, and indexes each of those once ({@link StreamDocuments}): made from the batch's
 * own entries when they hold the trajectory's stream from its start, as a replay's mostly do, else from its whole
 * stream read back. Contents are read from the store as it is now (a redacted content is a digest, not text, so a
 * redaction takes the text out of the index when its statement is projected); labels and the latest review come from
 * the stream. The position, the processor's token, is kept in a file beside the index, written after the documents,
 * so a restart goes on where it stopped and indexing a trajectory twice is harmless. {@link #reset()} is the
 * processor's token reset: the index is cleared and rebuilt from position 0 while the service runs.
 */
public final class SearchProjection implements AutoCloseable {

    /** The projection's name in progress reports and metrics. */
    public static final String NAME = "search";

    private final TrajectorySearch search;
    private final StreamDocuments streams;
    private final Path positionFile;
    private volatile long position;
    private final TrackedProjection tracked;
    /** Daemon threads, one per core, so a projection nobody closes does not keep the JVM alive. */
    private final ExecutorService readers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "runtape-search-reader");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * A projection of {@code events}, the node's event store over {@code log}, into {@code search}, up to
     * {@code batchSize} entries a batch, going on from the position in {@code positionFile} if there is one. Not
     * started.
     */
    public SearchProjection(EventLog log, StreamableMessageSource<TrackedEventMessage<?>> events,
            Disclosures disclosures, TrajectorySearch search, Path positionFile, int batchSize) throws IOException {
        this.search = search;
        this.streams = new StreamDocuments(log, disclosures);
        this.positionFile = positionFile;
        this.position = Files.isRegularFile(positionFile)
                ? Long.parseLong(Files.readString(positionFile, StandardCharsets.US_ASCII).strip()) : 0;
        this.tracked = new TrackedProjection(NAME, log, events, new Batches(), batchSize);
    }

    public TrajectorySearch search() {
        return search;
    }

    public long position() {
        return position;
    }

    public long replays() {
        return tracked.progress().replays();
    }

    /** How far the index has read, as every projection reports it. */
    public ProjectionProgress progress() {
        return tracked.progress();
    }

    /** Rebuilds the index from position 0 (the processor's token reset), while the service runs. */
    public void reset() {
        tracked.reset();
    }

    /** Starts the processor, if it is not running. */
    public void start() {
        tracked.start();
    }

    /** Stops the processor between two batches. */
    public void stop() {
        tracked.stop();
    }

    @Override
    public void close() {
        stop();
        readers.shutdownNow();
    }

    /**
     * Starts the processor if need be and waits until the index holds everything the log held when this was called.
     *
     * @return whether it got there within {@code timeout}
     */
    public boolean catchUp(Duration timeout) throws InterruptedException {
        return tracked.catchUp(timeout);
    }

    /**
     * Indexes a trajectory again from its whole stream and its contents as the store holds them now. A redaction asks
     * for it once the processor has passed the redaction's statement and the contents are deleted: the processor may
     * have read them just before they were.
     */
    public void reindex(String trajectoryId) throws SearchException {
        List<LogEntry> stream = streams.stream(trajectoryId);
        if (!stream.isEmpty()) {
            Optional<TrajectoryDocument> document = streams.document(stream.getFirst().tenant(), trajectoryId, stream);
            if (document.isPresent()) {
                search.indexAllAt(List.of(new DocumentAt(document.get(), stream.getLast().position())));
            }
        }
    }

    /** A batch's entries into the index, the position after them. */
    private final class Batches implements BatchProjection {

        @Override
        public long position() {
            return position;
        }

        @Override
        public void apply(List<LogEntry> entries) throws SearchException {
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
                savePosition(entries.getLast().position());
            }
        }

        @Override
        public void clear() throws SearchException {
            search.clear();
            savePosition(0);
        }
    }

    /**
     * A trajectory the batch's entries touch, with its entries among them: its whole stream so far when they begin
     * at its start (a replay sees most trajectories whole), else only part of it.
     */
    private record Touched(String id, String tenant, List<LogEntry> entries) {

        boolean fromTheStart() {
            return entries.getFirst().revision() == 0;
        }
    }

    /** The touched trajectories' documents, made on every core: decoding and reading contents is the batch's work. */
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

    private void savePosition(long at) throws SearchException {
        try {
            Path next = positionFile.resolveSibling(positionFile.getFileName() + ".next");
            Files.writeString(next, Long.toString(at), StandardCharsets.US_ASCII);
            Files.move(next, positionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            position = at;
        } catch (IOException e) {
            throw new SearchException("cannot keep the search projection's position in " + positionFile + ": "
                    + e.getMessage(), e);
        }
    }
}
