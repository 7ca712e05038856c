package dev.runtape.ledger.importer.sweagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.PythonLiteral;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SWE-agent's {@code .traj}: {@code trajectory} (one entry per action: thought, action, observation, state, and in
 * 1.x execution_time), {@code history} (the conversation, with demonstrations marked {@code is_demo}), and
 * {@code info} (exit status, submission, model stats).
 *
 * <p>Steps: the history up to the first reply of the run becomes messages (system prompt, demonstrations, the task);
 * then each trajectory entry becomes the assistant's reply as a message, its tool calls (1.x) as tool-call steps, and
 * its action as a command whose stdout is the observation and whose parent is the call (or the reply). An edit
 * the editor applied follows its command as a file edit with a unified diff ({@link WindowEdits}). SWE-agent
 * records no exit codes, so every command's is unknown. A recognised test run follows its command. The exit status
 * and a submission that is not a diff (a CTF flag) end the steps as system events.
 */
public final class SweAgentFormat implements TrajectoryFormat {

    public static final String NAME = "swe-agent-traj";
    private static final Pattern MODEL_NAME = Pattern.compile("(?m)^\\s*model_name:\\s*['\"]?([^'\"\\s]+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        boolean shaped = head.stripLeading().startsWith("{") && head.contains("\"trajectory\"")
                && (head.contains("\"action\"") || head.contains("\"environment\""));
        if (!shaped || head.contains("\"trajectory_format\"")) {
            return 0;
        }
        return source.name().endsWith(".traj") ? 0.95 : 0.6;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        JsonNode root = JsonInput.document(source);
        if (!root.isObject()) {
            throw new ImportException(source.path(), "$", "expected an object, found " + JsonInput.found(root));
        }
        JsonNode trajectory = JsonInput.array(source, root, "trajectory", "$");
        JsonNode history = root.path("history");
        JsonNode info = root.path("info");
        JsonNode replay = structured(root.path("replay_config"));

        StepList steps = new StepList();
        String task = null;
        List<JsonNode> replies = new ArrayList<>();
        boolean replied = false;
        for (JsonNode entry : history) {
            String role = entry.path("role").asText("");
            boolean demo = isDemo(entry);
            if (role.equals("assistant") && !demo) {
                replied = true;
                replies.add(entry);
            } else if (!replied) {
                String content = Messages.text(entry.path("content"));
                steps.message(role.equals("system") ? "system" : "user", content, null);
                if (task == null && role.equals("user") && !demo) {
                    task = content;
                }
            }
        }
        Model model = Models.of(replay.path("agent").path("model").path("name").asText(modelBeside(source)));
        EditorWindow window = new EditorWindow();
        for (int i = 0; i < trajectory.size(); i++) {
            String at = "$.trajectory[" + i + "]";
            JsonNode entry = trajectory.get(i);
            String action = JsonInput.text(source, entry, "action", at);
            JsonNode reply = i < replies.size() ? replies.get(i) : null;
            String replyText = reply != null ? Messages.text(reply.path("content"))
                    : entry.path("response").asText(entry.path("thought").asText(""));
            ObjectNode parent = steps.message("assistant", replyText, model == null ? null : model.id());
            JsonNode function = null;
            if (reply != null) {
                for (JsonNode call : structured(reply.path("tool_calls"))) {
                    function = call.path("function");
                    ObjectNode step = steps.toolCall(call.path("id").asText(""), function.path("name").asText(""),
                            arguments(function));
                    StepList.parent(step, parent);
                    parent = step;
                }
            }
            String observation = entry.path("observation").isNull() ? null : entry.path("observation").asText("");
            String cwd = structured(entry.path("state")).path("working_dir").asText(null);
            ObjectNode command = steps.command(action, cwd, null, observation, null,
                    duration(entry.path("execution_time")));
            StepList.parent(command, parent);
            WindowEdits.of(action, function, observation, window, cwd).ifPresent(edit -> StepList.parent(
                    steps.fileEdit(edit.path(), edit.diff()), command));
            window.observe(observation);
            steps.testRunOf(action, observation, command);
        }
        String exitStatus = info.path("exit_status").asText(null);
        if (exitStatus != null) {
            steps.systemEvent("exit-status", exitStatus);
        }
        String submission = info.path("submission").isTextual() ? info.path("submission").textValue() : null;
        String diff = submission != null && isDiff(submission) ? submission : null;
        if (submission != null && diff == null) {
            steps.systemEvent("submission", submission);
        }
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, taskId(source), task, "swe-agent",
                new Actor.Agent("swe-agent", null), model, null, null, steps.steps(), outcome(exitStatus),
                blockers(exitStatus), diff, usage(info.path("model_stats")), List.of());
    }

    /** "submitted" is not yet a success: nobody has run the tests. An exit for cost or context before is aborted. */
    private static Outcome outcome(@Nullable String exitStatus) {
        if (exitStatus == null || exitStatus.equals("submitted")) {
            return Outcome.UNKNOWN;
        }
        return exitStatus.startsWith("submitted") ? Outcome.PARTIAL : Outcome.ABORTED;
    }

    private static List<String> blockers(@Nullable String exitStatus) {
        return exitStatus == null || exitStatus.equals("submitted") ? List.of() : List.of(exitStatus);
    }

    private static @Nullable Usage usage(JsonNode stats) {
        if (!stats.isObject()) {
            return null;
        }
        JsonNode cost = stats.has("instance_cost") ? stats.get("instance_cost") : stats.path("total_cost");
        return new Usage(count(stats.path("tokens_sent")), count(stats.path("tokens_received")), null,
                cost.isNumber() ? cost.doubleValue() : null);
    }

    private static @Nullable Long count(JsonNode value) {
        return value.canConvertToLong() ? value.asLong() : null;
    }

    private static boolean isDemo(JsonNode entry) {
        JsonNode demo = entry.path("is_demo");
        return demo.asBoolean(false) || demo.asText("").equalsIgnoreCase("true");
    }

    /** A member SWE-agent writes as JSON, as a JSON text, or as a Python literal; missing when it is none. */
    private static JsonNode structured(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        JsonNode json = JsonInput.embedded(value.textValue());
        if (json != null) {
            return json;
        }
        return PythonLiteral.parse(value.textValue()).orElse(MissingNode.getInstance());
    }

    private static String arguments(JsonNode function) {
        JsonNode arguments = function.path("arguments");
        return arguments.isTextual() ? arguments.textValue() : arguments.toString();
    }

    private static @Nullable Duration duration(JsonNode seconds) {
        try {
            double value = seconds.isNumber() ? seconds.doubleValue()
                    : seconds.isTextual() ? Double.parseDouble(seconds.textValue()) : -1;
            return value < 0 ? null : Duration.ofNanos(Math.round(value * 1e9));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean isDiff(String text) {
        return text.contains("diff --git") || text.stripLeading().startsWith("--- ");
    }

    /** The instance id: SWE-agent names a trajectory after it ("pydicom__pydicom-1458.traj"). */
    private static String taskId(SourceFile source) {
        String name = source.name();
        int dot = name.indexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        return id.length() > 200 ? id.substring(0, 200) : id;
    }

    /**
     * The model of a 0.x run, which the .traj does not name: the run's {@code args.yaml} beside it does
     * ({@code model_name: gpt4}); read by its one line rather than as YAML.
     */
    private static @Nullable String modelBeside(SourceFile source) {
        Path dir = source.path().toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        for (Path candidate : List.of(dir.resolve("args.yaml"), dir.resolve(taskId(source) + ".args.yaml"))) {
            try {
                if (Files.isRegularFile(candidate)) {
                    Matcher matcher = MODEL_NAME.matcher(Files.readString(candidate));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            } catch (IOException unreadable) {
                return null; // the model is optional: a run without one imports all the same
            }
        }
        return null;
    }
}
