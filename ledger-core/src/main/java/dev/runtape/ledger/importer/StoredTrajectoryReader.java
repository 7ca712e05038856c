package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.OpenedDisclosure;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.StepContents;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trajectory the ledger holds back into the neutral {@link ImportedTrajectory}, the inverse of
 * {@link LedgerImporter}, so that any trajectory, imported or recorded through the API, exports as a VAC record.
 * Contents come out in the clear; one the store no longer holds (redacted, erased) stays a reference by digest. A
 * trajectory not completed yet reads with the outcome unknown.
 */
public final class StoredTrajectoryReader {

    private static final int PAGE = 1000;

    private final EventLog log;
    private final Disclosures disclosures;
    private final StepContents contents;

    public StoredTrajectoryReader(EventLog log, Disclosures disclosures) {
        this.log = log;
        this.disclosures = disclosures;
        this.contents = new StepContents(disclosures);
    }

    /**
     * The trajectory with its children (the trajectories started with it as their parent, in the order they
     * started), or empty when the log has no such stream.
     *
     * @throws FormatException if a stored statement or disclosure cannot be read
     * @throws ContentStoreException if the content store cannot be read
     */
    public Optional<ImportedTrajectory> read(String trajectoryId) throws FormatException, ContentStoreException {
        return read(trajectoryId, true, entry -> { });
    }

    /**
     * The trajectory without its children: its own stream only. Finding children reads the log on from the
     * trajectory's start, which a projection that reads every trajectory must not do for each.
     */
    public Optional<ImportedTrajectory> readAlone(String trajectoryId) throws FormatException, ContentStoreException {
        return read(trajectoryId, false, entry -> { });
    }

    /**
     * The trajectory without its children, showing {@code each} every entry of its stream as it goes: a projection
     * that needs more of the stream (labels, reviews) reads it once.
     */
    public Optional<ImportedTrajectory> readAlone(String trajectoryId, Consumer<LogEntry> each)
            throws FormatException, ContentStoreException {
        return read(trajectoryId, false, each);
    }

    private Optional<ImportedTrajectory> read(String trajectoryId, boolean withChildren, Consumer<LogEntry> each)
            throws FormatException, ContentStoreException {
        StreamId stream = StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId);
        TrajectoryStarted started = null;
        long startedAt = 0;
        TrajectoryCompleted completed = null;
        List<ObjectNode> steps = new ArrayList<>();
        for (long from = 0; ; from += PAGE) {
            List<LogEntry> page = log.readStream(stream, from, PAGE);
            for (LogEntry entry : page) {
                each.accept(entry);
                switch (entry.eventType()) {
                    case "TrajectoryStarted" -> {
                        started = payload(entry, TrajectoryStarted.class);
                        startedAt = entry.position();
                    }
                    case "StepsRecorded" -> steps.addAll(contents.openAll(payload(entry, StepsRecorded.class).steps()));
                    case "TrajectoryCompleted" -> completed = payload(entry, TrajectoryCompleted.class);
                    default -> {
                        // QA, labels, policies and redactions are about the trajectory, not part of its run.
                    }
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (started == null) {
            return Optional.empty();
        }
        TaskDefined task = task(started.taskId());
        String format = started.sourceFormat() == null ? "runtape" : started.sourceFormat();
        return Optional.of(new ImportedTrajectory(trajectoryId, format, started.taskId(),
                task == null ? null : emptyAsNone(text(task.prompt())), task == null ? format : task.family(), started.actor(),
                started.model(), started.repository(), started.started(), steps,
                completed == null ? Outcome.UNKNOWN : completed.outcome(),
                completed == null || completed.blockers() == null ? List.of() : completed.blockers(),
                completed == null || completed.finalDiff() == null ? null : text(completed.finalDiff()),
                completed == null ? null : completed.usage(),
                withChildren ? children(trajectoryId, startedAt) : List.of()));
    }

    /**
     * The children of a trajectory, read from the log after its start (a child starts after its parent). This reads
     * the log's tail from there, which the lineage projection will answer from its index instead.
     */
    private List<ImportedTrajectory> children(String parentId, long startedAt)
            throws FormatException, ContentStoreException {
        List<ImportedTrajectory> children = new ArrayList<>();
        for (long after = startedAt; ; ) {
            List<LogEntry> page = log.readAfter(after, PAGE);
            for (LogEntry entry : page) {
                if (entry.eventType().equals("TrajectoryStarted")
                        && parentId.equals(payload(entry, TrajectoryStarted.class).parent())) {
                    read(entry.stream().aggregateId()).ifPresent(children::add);
                }
            }
            if (page.size() < PAGE) {
                return children;
            }
            after = page.getLast().position();
        }
    }

    private @Nullable TaskDefined task(String taskId) throws FormatException {
        List<LogEntry> first = log.readStream(StreamId.of(StreamId.Kind.TASK, taskId), 0, 1);
        return first.isEmpty() || !first.getFirst().eventType().equals("TaskDefined") ? null
                : payload(first.getFirst(), TaskDefined.class);
    }

    /** A task defined without its text (a file that does not hold it) has an empty prompt. */
    private static @Nullable String emptyAsNone(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The text a reference discloses, or null when the store withholds it. */
    private @Nullable String text(ContentRef ref) throws FormatException, ContentStoreException {
        OpenedDisclosure opened = disclosures.open(ref);
        if (opened instanceof OpenedDisclosure.Revealed revealed
                && revealed.disclosure().value() instanceof CborTextString text) {
            return text.value();
        }
        return null;
    }

    private static <T> T payload(LogEntry entry, Class<T> type) throws FormatException {
        return PayloadCodec.decode(Statement.read(entry.statement()).payload(), type);
    }
}
