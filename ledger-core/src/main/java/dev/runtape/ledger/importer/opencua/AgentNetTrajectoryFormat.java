package dev.runtape.ledger.importer.opencua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.RecordGroup;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * AgentNet trajectories after processing, in the two layouts OpenCUA publishes: an AgentNetBench file (one JSON
 * object: {@code task_id}, {@code user_task_description}, {@code steps} with the pyautogui {@code action}, the
 * {@code inner_monologue} and the {@code ground_truth_actions}, {@code meta_info}) and the standardized JSONL (per
 * line {@code task_id}, {@code instruction}, {@code traj} with {@code value.code}).
 *
 * <p>Each step's observation, thought and instruction are one reasoning step; its action a "pyautogui" tool call
 * (call id {@code step-N}, arguments the code and the ground-truth actions) whose parent is the reasoning;
 * {@code computer.terminate(status=...)} a "terminate" system event whose status is the outcome. These layouts keep
 * no time of any input, so the actions are tool calls and not ui-input steps (those need the wall clock; the raw
 * {@code events.jsonl} has it, {@link OpenCuaFormat}). The recordings were made by human annotators the files do not
 * name: the actor is the operator "unknown". A standardized file of several lines is their parent.
 */
public final class AgentNetTrajectoryFormat implements TrajectoryFormat {

    public static final String NAME = "opencua-agentnet-trajectory";
    private static final Pattern TERMINATE = Pattern.compile("^computer\\.terminate\\(status=['\"]([^'\"]*)['\"]\\)$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        if (!head.stripLeading().startsWith("{") || !head.contains("\"task_id\"")) {
            return 0;
        }
        boolean bench = head.contains("\"steps\"") && (head.contains("\"inner_monologue\"")
                || head.contains("\"ground_truth_actions\"") || head.contains("pyautogui."));
        boolean standardized = head.contains("\"traj\"") && head.contains("\"code\"");
        return bench || standardized ? 0.85 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        String text = source.text().strip();
        boolean severalLines = text.lines().filter(line -> !line.isBlank()).count() > 1;
        if (severalLines && JsonInput.embedded(text.lines().findFirst().orElse("")) == null
                || !severalLines && !text.contains("\"traj\"")) { // one object: AgentNetBench
            return trajectory(source, JsonInput.document(source), "$", NAME + "-" + source.shortDigest());
        }
        List<JsonInput.Line> lines = JsonInput.lines(source);
        List<ImportedTrajectory> runs = new ArrayList<>();
        for (JsonInput.Line line : lines) {
            runs.add(trajectory(source, line.value(), line.at(),
                    RecordGroup.childId(NAME, source, lines.size(), line.number())));
        }
        return RecordGroup.of(source, NAME, "agentnet", "task", runs,
                run -> run.taskId() + ": " + run.outcome().wire());
    }

    private static ImportedTrajectory trajectory(SourceFile source, JsonNode root, String at, String id)
            throws ImportException {
        if (!root.isObject()) {
            throw new ImportException(source.path(), at, "expected a trajectory object, found "
                    + JsonInput.found(root));
        }
        String taskId = JsonInput.text(source, root, "task_id", at);
        boolean bench = root.has("steps");
        JsonNode entries = JsonInput.array(source, root, bench ? "steps" : "traj", at);
        String task = JsonInput.optionalText(root, bench ? "user_task_description" : "instruction");
        StepList steps = new StepList();
        if (root.path("meta_info").isObject()) {
            steps.systemEvent("recording", root.get("meta_info").toString());
        }
        Outcome outcome = Outcome.UNKNOWN;
        for (int i = 0; i < entries.size(); i++) {
            String where = at + "." + (bench ? "steps" : "traj") + "[" + i + "]";
            JsonNode entry = entries.get(i);
            JsonNode value = bench ? entry : entry.path("value");
            JsonNode monologue = bench ? entry.path("inner_monologue") : value;
            String code = bench ? JsonInput.text(source, entry, "action", where)
                    : JsonInput.text(source, value, "code", where + ".value");
            long number = (bench ? entry.path("step_num") : entry.path("index")).asLong(i);
            ObjectNode reasoning = reasoning(steps, monologue);
            Matcher terminate = TERMINATE.matcher(code.strip());
            if (terminate.matches()) {
                StepList.parent(steps.systemEvent("terminate", terminate.group(1)), reasoning);
                outcome = terminate.group(1).equals("success") ? Outcome.SUCCESS : Outcome.FAILURE;
                continue;
            }
            ObjectNode arguments = JsonNodeFactory.instance.objectNode().put("code", code);
            if (entry.has("ground_truth_actions")) {
                arguments.set("ground_truth_actions", entry.get("ground_truth_actions"));
            }
            StepList.parent(steps.toolCall("step-" + number, "pyautogui", arguments.toString()), reasoning);
        }
        return new ImportedTrajectory(id, NAME, taskId, task, "agentnet", new Actor.Operator("unknown"), null, null,
                null, steps.steps(), outcome, List.of(), null, null, List.of());
    }

    /** The step's observation, thought and instruction as one reasoning step; none when it has none of them. */
    private static @Nullable ObjectNode reasoning(StepList steps, JsonNode monologue) {
        List<String> parts = new ArrayList<>();
        for (String member : List.of("observation", "thought", "low_level_instruction")) {
            String text = monologue.path(member).asText("");
            if (!text.isBlank()) {
                parts.add(member.replace('_', ' ') + ": " + text.strip());
            }
        }
        return parts.isEmpty() ? null : steps.reasoning(String.join("\n\n", parts));
    }
}
