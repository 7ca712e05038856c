package dev.runtape.projections.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.statement.StepContents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds the search document of a trajectory from its steps as steps.cddl shapes them, contents in the clear (an
 * {@link ImportedTrajectory}, or a stored one opened by {@code StoredTrajectoryReader}). A content that is still a
 * reference ({@code {"digest": ...}}: redacted or withheld) is not text and is not indexed. Labels and QA come from
 * other events: a new document is unlabelled and {@link TrajectoryDocument#QA_UNREVIEWED}.
 */
public final class TrajectoryDocuments {

    private TrajectoryDocuments() {
    }

    /** The document of the trajectory alone, without its children. */
    public static TrajectoryDocument of(String tenant, ImportedTrajectory trajectory) {
        return document(tenant, trajectory.trajectoryId(), trajectory.taskId(), trajectory.taskFamily(),
                trajectory.sourceFormat(), trajectory.outcome(), trajectory.actor(), trajectory.model(),
                trajectory.repository(), trajectory.started(), trajectory.steps());
    }

    /**
     * The document of a trajectory as its stream records it, the same one {@link #of(String, ImportedTrajectory)}
     * gives for the trajectory {@code StoredTrajectoryReader} reads back (without reading the task's prompt or the
     * final diff, which the document does not hold).
     *
     * @param task the task's definition, or null when the log has none
     * @param completed its completion, or null while it runs
     * @param steps its steps, contents opened; the document only reads them
     */
    static TrajectoryDocument ofStored(String tenant, String id, TrajectoryStarted started, @Nullable TaskDefined task,
            @Nullable TrajectoryCompleted completed, List<ObjectNode> steps) {
        String format = started.sourceFormat() == null ? "runtape" : started.sourceFormat();
        return document(tenant, id, started.taskId(), task == null ? format : task.family(), format,
                completed == null ? Outcome.UNKNOWN : completed.outcome(), started.actor(), started.model(),
                started.repository(), started.started() == null ? null
                        : started.started().truncatedTo(ChronoUnit.MILLIS), steps);
    }

    private static TrajectoryDocument document(String tenant, String id, String taskId, String taskFamily,
            String sourceFormat, Outcome outcome, Actor actor, @Nullable Model model, @Nullable Repository repository,
            @Nullable Instant started, List<ObjectNode> steps) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TreeSet<String> tools = new TreeSet<>();
        List<TrajectoryDocument.TextPart> text = new ArrayList<>();
        Long first = null;
        Long last = null;
        for (ObjectNode step : steps) {
            String kind = step.path("kind").asText();
            counts.merge(kind, 1L, Long::sum);
            if (kind.equals("tool-call") && step.path("tool").isTextual()) {
                tools.add(step.get("tool").asText());
            }
            String stepText = text(kind, step);
            if (!stepText.isEmpty()) {
                text.add(new TrajectoryDocument.TextPart(step.path("index").asLong(), stepText));
            }
            if (step.path("time").isIntegralNumber()) {
                long time = step.get("time").asLong();
                first = first == null ? time : Math.min(first, time);
                last = last == null ? time : Math.max(last, time);
            }
        }
        Long from = started != null ? Long.valueOf(started.toEpochMilli()) : first;
        Long duration = from == null || last == null || last < from ? null : last - from;
        return new TrajectoryDocument(tenant, id, taskId, taskFamily, sourceFormat, outcome.wire(),
                TrajectoryDocument.QA_UNREVIEWED, List.of(), operator(actor), agent(actor),
                model == null ? null : model.id(), repository == null ? null : repository.url(), List.copyOf(tools),
                started, duration, counts, text);
    }

    /** The documents of the trajectory and of its children, depth first: each child is a trajectory of its own. */
    public static List<TrajectoryDocument> withChildren(String tenant, ImportedTrajectory trajectory) {
        List<TrajectoryDocument> documents = new ArrayList<>();
        documents.add(of(tenant, trajectory));
        for (ImportedTrajectory child : trajectory.children()) {
            documents.addAll(withChildren(tenant, child));
        }
        return documents;
    }

    /** The step's text members that are text (not references), one after the other on lines of their own. */
    private static String text(String kind, ObjectNode step) {
        StringBuilder text = new StringBuilder();
        for (String member : StepContents.contentMembers(kind)) {
            JsonNode value = step.get(member);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(value.asText());
            }
        }
        return text.toString();
    }

    private static @Nullable String operator(Actor actor) {
        return actor instanceof Actor.Operator operator ? operator.operatorId() : null;
    }

    private static @Nullable String agent(Actor actor) {
        return actor instanceof Actor.Agent agent ? agent.agent() : null;
    }
}
