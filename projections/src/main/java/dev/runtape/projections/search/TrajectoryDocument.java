package dev.runtape.projections.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the search index holds of one trajectory: the fields a query filters, facets and sorts on, and the text of
 * its steps that is not redacted, one part per step so a redaction drops exactly that step's text.
 *
 * @param tenant the tenant the trajectory belongs to; every search is confined to one
 * @param id the trajectory's id, unique within its tenant
 * @param task the task's id
 * @param taskFamily the task's family, e.g. "swe-bench"
 * @param sourceFormat the format it was imported from, or "runtape" when it was recorded through the API
 * @param outcome how it ended, as common.cddl spells it ("success", "failure", "partial", "aborted", "unknown")
 * @param qaStatus {@link #QA_UNREVIEWED}, or the latest review's decision ("accept", "reject")
 * @param labels the values of the labels on it, each once
 * @param operator the operator's pseudonym when an operator performed it
 * @param agent the agent's name when an agent performed it
 * @param model the model's id
 * @param repository the repository's URL
 * @param tools the tools its tool calls used, each once, sorted
 * @param started when it started, to the millisecond (what the index keeps)
 * @param durationMs from its start (or first step) to its last step, when the steps have times
 * @param stepCounts how many steps it has of each kind; kinds with none are left out
 * @param text the text of its steps in step order, a step with no text left out
 */
public record TrajectoryDocument(String tenant, String id, String task, String taskFamily, String sourceFormat,
        String outcome, String qaStatus, List<String> labels, @Nullable String operator, @Nullable String agent,
        @Nullable String model, @Nullable String repository, List<String> tools, @Nullable Instant started,
        @Nullable Long durationMs, Map<String, Long> stepCounts, List<TextPart> text) {

    /** The QA status of a trajectory nobody has reviewed yet. */
    public static final String QA_UNREVIEWED = "unreviewed";

    /** The text of one step: what a search matches and a redaction removes. */
    public record TextPart(long step, String text) {

        public TextPart {
            if (step < 0) {
                throw new IllegalArgumentException("a step index is from 0, found " + step);
            }
        }
    }

    public TrajectoryDocument {
        for (var field : List.of(Map.entry("tenant", tenant), Map.entry("id", id), Map.entry("task", task),
                Map.entry("taskFamily", taskFamily), Map.entry("sourceFormat", sourceFormat),
                Map.entry("outcome", outcome), Map.entry("qaStatus", qaStatus))) {
            if (field.getValue().isBlank()) {
                throw new IllegalArgumentException(field.getKey() + ": expected a value, found a blank one");
            }
        }
        started = started == null ? null : started.truncatedTo(ChronoUnit.MILLIS);
        labels = labels.stream().distinct().toList();
        tools = tools.stream().distinct().sorted().toList();
        stepCounts = Map.copyOf(new TreeMap<>(stepCounts));
        text = List.copyOf(text);
    }

    /** How many steps it has in all. */
    public long steps() {
        return stepCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** This document without the text of step {@code step}: what the index holds once that step is redacted. */
    public TrajectoryDocument withoutStepText(long step) {
        List<TextPart> kept = new ArrayList<>(text);
        kept.removeIf(part -> part.step() == step);
        return new TrajectoryDocument(tenant, id, task, taskFamily, sourceFormat, outcome, qaStatus, labels, operator,
                agent, model, repository, tools, started, durationMs, stepCounts, kept);
    }

    /** This document with other labels, as the projection keeps them when labels are applied or retracted. */
    public TrajectoryDocument withLabels(List<String> newLabels) {
        return new TrajectoryDocument(tenant, id, task, taskFamily, sourceFormat, outcome, qaStatus, newLabels,
                operator, agent, model, repository, tools, started, durationMs, stepCounts, text);
    }

    /** This document with another QA status, as the projection keeps it when a review is recorded. */
    public TrajectoryDocument withQaStatus(String newQaStatus) {
        return new TrajectoryDocument(tenant, id, task, taskFamily, sourceFormat, outcome, newQaStatus, labels,
                operator, agent, model, repository, tools, started, durationMs, stepCounts, text);
    }

    /** This document with another outcome, as the projection keeps it when the trajectory completes. */
    public TrajectoryDocument withOutcome(String newOutcome) {
        return new TrajectoryDocument(tenant, id, task, taskFamily, sourceFormat, newOutcome, qaStatus, labels,
                operator, agent, model, repository, tools, started, durationMs, stepCounts, text);
    }
}
