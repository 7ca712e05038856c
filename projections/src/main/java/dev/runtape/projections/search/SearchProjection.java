package dev.runtape.projections.search;

import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.LabelRetracted;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.projections.ProjectionProgress;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Follows the log into the search index. Each cycle reads the next entries after its position, notes the trajectories
 * they touch, and indexes each of those once, read back from the ledger as it is now ({@link StoredTrajectoryReader}:
 * a redacted content is a digest, not text, so a redaction takes the text out of the index when its statement is
 * projected), with its labels and its latest review from its stream. The position is kept in a file beside the index,
 * written after the documents, so a restart goes on where it stopped and indexing a trajectory twice is harmless.
 * {@link #reset()} asks for a rebuild from position 0, done by the next cycle while the service runs.
 */
public final class SearchProjection {

    /** The projection's name in progress reports and metrics. */
    public static final String NAME = "search";

    private static final Set<String> DECISIONS = Set.of("LabelApplied", "LabelRetracted",
            "QaReviewed");

    private final EventLog log;
    private final TrajectorySearch search;
    private final StoredTrajectoryReader reader;
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
        this.reader = new StoredTrajectoryReader(log, disclosures);
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
        Map<String, String> touched = new LinkedHashMap<>(); // trajectory id to tenant, in log order
        for (LogEntry entry : entries) {
            if (entry.stream().kind() == StreamId.Kind.TRAJECTORY) {
                touched.putIfAbsent(entry.stream().aggregateId(), entry.tenant());
            }
        }
        List<TrajectoryDocument> documents = documents(touched);
        if (!documents.isEmpty()) {
            search.indexAll(documents);
        }
        if (!entries.isEmpty()) {
            position = entries.getLast().position();
            savePosition();
        }
        return entries.size();
    }

    /** The touched trajectories' documents, read on every core: reading a trajectory back is the cycle's work. */
    private List<TrajectoryDocument> documents(Map<String, String> touched) throws SearchException {
        List<Map.Entry<String, String>> work = List.copyOf(touched.entrySet());
        if (work.size() < 2) {
            List<TrajectoryDocument> one = new ArrayList<>();
            for (Map.Entry<String, String> trajectory : work) {
                document(trajectory.getValue(), trajectory.getKey()).ifPresent(one::add);
            }
            return one;
        }
        List<Future<Optional<TrajectoryDocument>>> futures = new ArrayList<>();
        for (Map.Entry<String, String> trajectory : work) {
            futures.add(readers.submit(() -> document(trajectory.getValue(), trajectory.getKey())));
        }
        List<TrajectoryDocument> documents = new ArrayList<>();
        for (Future<Optional<TrajectoryDocument>> future : futures) {
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

    /** Runs cycles until the index holds everything the log held when this was called. */
    public void catchUp() throws SearchException {
        long last = log.lastPosition();
        while (position < last || resetRequested) {
            if (runOnce() == 0 && !resetRequested) {
                return;
            }
        }
    }

    private Optional<TrajectoryDocument> document(String tenant, String id) throws SearchException {
        try {
            List<LogEntry> decisions = new ArrayList<>(); // labels and reviews, seen while the steps are read
            Optional<ImportedTrajectory> trajectory = reader.readAlone(id, entry -> {
                if (DECISIONS.contains(entry.eventType())) {
                    decisions.add(entry);
                }
            });
            if (trajectory.isEmpty()) {
                return Optional.empty();
            }
            TrajectoryDocument document = TrajectoryDocuments.of(tenant, trajectory.get()); // children apart
            Map<String, String> labels = new LinkedHashMap<>();
            String qa = TrajectoryDocument.QA_UNREVIEWED;
            for (LogEntry entry : decisions) {
                switch (entry.eventType()) {
                    case "LabelApplied" -> {
                        LabelApplied label = decode(entry, LabelApplied.class);
                        labels.put(label.labelId(), label.value());
                    }
                    case "LabelRetracted" -> labels.remove(decode(entry, LabelRetracted.class).labelId());
                    default -> qa = decode(entry, QaReviewed.class).decision().wire();
                }
            }
            return Optional.of(document.withLabels(List.copyOf(new LinkedHashSet<>(
                    labels.values()))).withQaStatus(qa));
        } catch (FormatException | ContentStoreException e) {
            throw new SearchException("trajectory " + id + " cannot be read from the ledger: " + e.getMessage(), e);
        }
    }

    private static <T> T decode(LogEntry entry, Class<T> type) throws FormatException {
        return PayloadCodec.decode(Statement.read(entry.statement()).payload(), type);
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
