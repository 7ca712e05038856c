package dev.runtape.ledger.importer.miniswe;

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
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * mini-swe-agent's {@code .traj.json}: the conversation, in which each reply carries one bash block and the next user
 * message is its observation, {@code <returncode>N</returncode><output>...</output>}.
 *
 * <p>Steps: system and task prompts as messages; each reply as a message (with its model and usage when
 * {@code extra.response} has them); its bash block as a command whose exit code and stdout are read from the
 * observation, parent the reply. An observation that is not in that form (the submitted diff, a format error) is the
 * command's stdout as written, its exit code unknown; a user message after a reply without a command stays a message.
 * Tool calls (mini-swe-agent 2, {@code trajectory_format} "mini-swe-agent-1.1") become tool-call steps with the
 * command as their child, and a {@code tool} message is the output of the call its {@code tool_call_id} names.
 */
public final class MiniSweAgentFormat implements TrajectoryFormat {

    public static final String NAME = "mini-swe-agent";
    private static final Pattern BASH_BLOCK = Pattern.compile("```(?:bash|mswea_bash_command)\\s*\\n(.*?)\\n?```",
            Pattern.DOTALL);
    private static final Pattern OBSERVATION = Pattern.compile(
            "\\s*<returncode>(-?\\d+)</returncode>\\s*\\n?(?:<warning>.*?</warning>\\s*\\n?)?<output>\\n?(.*)</output>\\s*",
            Pattern.DOTALL);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        String start = head.stripLeading();
        if (start.startsWith("{") && head.contains("\"trajectory_format\"")
                && head.contains("\"mini-swe-agent")) {
            return 0.99;
        }
        if (start.startsWith("{") && head.contains("\"mini_version\"")) {
            return 0.9;
        }
        if (start.startsWith("[") && head.matches("(?s)\\[\\s*\\{\\s*\"role\"\\s*:\\s*\"system\".*")) {
            return head.contains("bash code block") || head.contains("mswea_bash_command")
                    || head.contains("<returncode>") ? 0.8 : 0.3;
        }
        return 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        JsonNode root = JsonInput.document(source);
        JsonNode messages;
        JsonNode info;
        String sourceFormat = NAME;
        if (root.isArray()) {
            messages = root;
            info = MissingNode.getInstance();
        } else if (root.isObject()) {
            messages = JsonInput.array(source, root, "messages", "$");
            info = root.path("info");
            sourceFormat = root.path("trajectory_format").asText(NAME);
        } else {
            throw new ImportException(source.path(), "$", "expected a list of messages or an object with "
                    + "\"messages\", found " + JsonInput.found(root));
        }
        Model model = Models.of(info.path("config").path("model").path("model_name").asText(null));
        StepList steps = new StepList();
        String task = null;
        ObjectNode pending = null; // a command waiting for its observation
        Map<String, ObjectNode> byCall = new HashMap<>(); // v2 tool calls' commands, by call id
        long input = 0;
        long output = 0;
        String lastObservation = null;
        for (int i = 0; i < messages.size(); i++) {
            String at = "$" + (root.isArray() ? "" : ".messages") + "[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw new ImportException(source.path(), at, "expected a message object, found "
                        + JsonInput.found(message));
            }
            String role = JsonInput.text(source, message, "role", at);
            String content = Messages.text(message.path("content"));
            switch (role) {
                case "assistant" -> {
                    JsonNode response = message.path("extra").path("response");
                    String replyModel = response.path("model").asText(model == null ? null : model.id());
                    ObjectNode reply = steps.message("assistant", content, replyModel);
                    Usage usage = usage(response.path("usage"));
                    StepList.usage(reply, usage);
                    if (usage != null) {
                        input += usage.inputTokens() == null ? 0 : usage.inputTokens();
                        output += usage.outputTokens() == null ? 0 : usage.outputTokens();
                    }
                    pending = commandOf(steps, message, content, reply, byCall);
                }
                case "user", "tool" -> {
                    ObjectNode answered = role.equals("tool") ? byCall.remove(message.path("tool_call_id")
                            .asText("")) : null;
                    if (answered != null) { // v2: a tool message answers the call its tool_call_id names
                        observe(steps, answered, content);
                        lastObservation = content;
                        pending = answered == pending ? null : pending;
                    } else if (task == null && role.equals("user")) {
                        task = content;
                        steps.message("user", content, null);
                    } else if (pending != null) {
                        observe(steps, pending, content);
                        lastObservation = content;
                        pending = null;
                    } else {
                        steps.message(role, content, null);
                    }
                }
                default -> steps.message("system", content, null);
            }
        }
        String exitStatus = info.path("exit_status").asText(null);
        if (exitStatus != null) {
            steps.systemEvent("exit-status", exitStatus);
        }
        String submission = info.path("submission").asText("");
        if (submission.isEmpty() && lastObservation != null && lastObservation.contains("diff --git")) {
            submission = lastObservation; // the bare list keeps its submission only as the last observation
        }
        JsonNode cost = info.path("model_stats").path("instance_cost");
        Usage usage = input + output > 0 || cost.isNumber()
                ? new Usage(input > 0 ? input : null, output > 0 ? output : null, null,
                        cost.isNumber() ? cost.doubleValue() : null)
                : null;
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), sourceFormat, taskId(source), task,
                "swe-agent", new Actor.Agent(NAME, info.path("mini_version").asText(null)), model, null, null,
                steps.steps(), outcome(exitStatus), blockers(exitStatus), submission.isEmpty() ? null : submission,
                usage, List.of());
    }

    private static @Nullable ObjectNode commandOf(StepList steps, JsonNode message, String content, ObjectNode reply,
            Map<String, ObjectNode> byCall) {
        JsonNode calls = message.path("tool_calls");
        if (calls.isArray() && !calls.isEmpty()) {
            ObjectNode last = null;
            for (JsonNode call : calls) {
                JsonNode function = call.path("function");
                String arguments = function.path("arguments").isTextual() ? function.path("arguments").textValue()
                        : function.path("arguments").toString();
                ObjectNode step = steps.toolCall(call.path("id").asText(""), function.path("name").asText(""),
                        arguments);
                StepList.parent(step, reply);
                JsonNode parsed = JsonInput.embedded(arguments);
                if (parsed != null && parsed.path("command").isTextual()) {
                    last = steps.command(parsed.path("command").textValue(), null, null, null, null, null);
                    StepList.parent(last, step);
                    byCall.put(call.path("id").asText(""), last);
                }
            }
            return last;
        }
        Matcher block = BASH_BLOCK.matcher(content);
        if (!block.find()) {
            return null;
        }
        ObjectNode command = steps.command(block.group(1), null, null, null, null, null);
        StepList.parent(command, reply);
        return command;
    }

    private static void observe(StepList steps, ObjectNode command, String observation) {
        Matcher matcher = OBSERVATION.matcher(observation);
        if (matcher.matches()) {
            command.put("exit-code", Integer.parseInt(matcher.group(1)));
            command.put("stdout", matcher.group(2));
        } else {
            command.put("stdout", observation);
        }
        steps.testRunOf(command.path("command").asText(), command.path("stdout").asText(), command);
    }

    private static @Nullable Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        JsonNode cached = usage.path("cache_read_input_tokens");
        return new Usage(usage.path("prompt_tokens").canConvertToLong() ? usage.path("prompt_tokens").asLong() : null,
                usage.path("completion_tokens").canConvertToLong() ? usage.path("completion_tokens").asLong() : null,
                cached.canConvertToLong() && cached.asLong() > 0 ? cached.asLong() : null, null);
    }

    /** "Submitted" awaits evaluation; every other exit status (LimitsExceeded, a timeout, an error) stopped the run. */
    private static Outcome outcome(@Nullable String exitStatus) {
        return exitStatus == null || exitStatus.equals("Submitted") ? Outcome.UNKNOWN : Outcome.ABORTED;
    }

    private static List<String> blockers(@Nullable String exitStatus) {
        return exitStatus == null || exitStatus.equals("Submitted") ? List.of() : List.of(exitStatus);
    }

    private static String taskId(SourceFile source) {
        String name = source.name();
        int end = name.indexOf(".traj");
        String id = end > 0 ? name.substring(0, end) : name;
        return id.length() > 200 ? id.substring(0, 200) : id;
    }
}
