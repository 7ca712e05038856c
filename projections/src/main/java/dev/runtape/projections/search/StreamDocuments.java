package dev.runtape.projections.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.LabelRetracted;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.StepContents;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The search document of a trajectory made from its stream's entries: its start, steps, completion, labels and latest
 * review, with every content of its steps read from the store in one go. A replay hands it the entries it has just
 * read from the log, so the stream is not read a second time; a trajectory that started before them is read whole
 * ({@link #stream}). Contents are read as the store holds them now: a redacted one is a digest, not text, and is not
 * indexed. The document is the one {@link TrajectoryDocuments#of} gives for the trajectory
 * {@code StoredTrajectoryReader} reads back, with the labels and QA status its stream gives.
 */
final class StreamDocuments {

    private static final int PAGE = 1000;

    private final EventLog log;
    private final StepContents contents;

    StreamDocuments(EventLog log, Disclosures disclosures) {
        this.log = log;
        this.contents = new StepContents(disclosures);
    }

    /** The trajectory's whole stream as the log holds it now. */
    List<LogEntry> stream(String trajectoryId) {
        StreamId stream = StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId);
        List<LogEntry> entries = new ArrayList<>();
        for (long from = 0; ; from += PAGE) {
            List<LogEntry> page = log.readStream(stream, from, PAGE);
            entries.addAll(page);
            if (page.size() < PAGE) {
                return entries;
            }
        }
    }

    /**
     * The document of the trajectory whose stream, from revision 0 and in order, is {@code stream}, or empty when it
     * holds no start.
     *
     * @throws SearchException if a statement, a disclosure or the content store cannot be read
     */
    Optional<TrajectoryDocument> document(String tenant, String trajectoryId, List<LogEntry> stream)
            throws SearchException {
        try {
            TrajectoryStarted started = null;
            TrajectoryCompleted completed = null;
            List<ObjectNode> steps = new ArrayList<>(); // as stored, opened together at the end
            Map<String, String> labels = new LinkedHashMap<>(); // label id to value, in the order applied
            String qa = TrajectoryDocument.QA_UNREVIEWED;
            for (LogEntry entry : stream) {
                switch (entry.eventType()) {
                    case "TrajectoryStarted" -> started = payload(entry, TrajectoryStarted.class);
                    case "StepsRecorded" -> steps.addAll(StepContents.recorded(Statement.payload(entry.statement())));
                    case "TrajectoryCompleted" -> completed = payload(entry, TrajectoryCompleted.class);
                    case "LabelApplied" -> {
                        LabelApplied label = payload(entry, LabelApplied.class);
                        labels.put(label.labelId(), label.value());
                    }
                    case "LabelRetracted" -> labels.remove(payload(entry, LabelRetracted.class).labelId());
                    case "QaReviewed" -> qa = payload(entry, QaReviewed.class).decision().wire();
                    default -> {
                        // checks, policies and redactions change no field; a redaction's text is gone from the store
                    }
                }
            }
            if (started == null) {
                return Optional.empty();
            }
            contents.openInPlace(steps);
            return Optional.of(TrajectoryDocuments.ofStored(tenant, trajectoryId, started, task(started.taskId()),
                            completed, steps)
                    .withLabels(List.copyOf(new LinkedHashSet<>(labels.values()))).withQaStatus(qa));
        } catch (FormatException | ContentStoreException e) {
            throw new SearchException("trajectory " + trajectoryId + " cannot be read from the ledger: "
                    + e.getMessage(), e);
        }
    }

    private @Nullable TaskDefined task(String taskId) throws FormatException {
        List<LogEntry> first = log.readStream(StreamId.of(StreamId.Kind.TASK, taskId), 0, 1);
        return first.isEmpty() || !first.getFirst().eventType().equals("TaskDefined") ? null
                : payload(first.getFirst(), TaskDefined.class);
    }

    private static <T> T payload(LogEntry entry, Class<T> type) throws FormatException {
        return PayloadCodec.decode(Statement.payload(entry.statement()), type); // the header is the log's business
    }
}
