package dev.runtape.ledger.importer.codex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ExitCodes;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Codex CLI rollout JSONL. {@code session_meta} gives the session id (the task), the CLI version, the provider and
 * the git commit; {@code turn_context} the model. The model's {@code response_item}s are the steps, each with its
 * line's time: a message a message (developer instructions as system), reasoning its summary as a reasoning step,
 * a {@code function_call} or {@code custom_tool_call} a tool call. A call's output, parent the call:
 * {@code exec_command} and {@code shell} a command (the command and workdir from the arguments; the exit code from
 * the output's "Process exited with code N", a shell's {@code metadata.exit_code}, an {@code exec_command_end}
 * event or the forms {@code ExitCodes} knows, else unknown), {@code apply_patch} a file edit per file of the patch (a
 * unified diff, {@link CodexPatches}) followed by the tool's answer, anything else a tool result. A shell call whose
 * arguments are not JSON (a redacted rollout) is still a command, its text the arguments as written; a patch that is
 * not readable leaves the call and its output a plain tool result. {@code task_started},
 * {@code task_complete}, {@code turn_aborted} and {@code compacted} are system events; {@code token_count} gives each
 * reply its usage (a snapshot whose totals did not move is not counted again) and the session's totals. The UI's
 * copies of messages and reasoning ({@code user_message}, {@code agent_message}, {@code agent_reasoning}) are not
 * imported again, but the first {@code user_message} is the task text. A session whose last turn never completed is
 * aborted, naming the turn and any call left without output.
 */
public final class CodexRolloutFormat implements TrajectoryFormat {

    public static final String NAME = "codex-rollout";
    private static final Set<String> SHELLS = Set.of("exec_command", "shell", "container.exec", "local_shell");
    private static final Pattern PROCESS_EXIT = Pattern.compile("(?m)^Process exited with code (-?\\d+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096).stripLeading();
        if (!head.startsWith("{")) {
            return 0;
        }
        String first = head.lines().findFirst().orElse("");
        boolean meta = first.matches(".*\"type\"\\s*:\\s*\"session_meta\".*");
        if (meta && (first.contains("\"cli_version\"") || first.contains("\"originator\""))) {
            return 0.95;
        }
        if (meta || first.matches(".*\"type\"\\s*:\\s*\"(response_item|event_msg|turn_context)\".*")
                && first.contains("\"payload\"")) {
            return 0.7;
        }
        return source.name().startsWith("rollout-") && head.contains("\"payload\"") ? 0.5 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        List<JsonInput.Line> lines = JsonInput.lines(source);
        StepList steps = new StepList();
        Map<String, Call> calls = new LinkedHashMap<>();
        String sessionId = null;
        String version = null;
        String provider = null;
        String modelId = null;
        String cwd = null;
        Repository repository = null;
        String task = null;
        Instant started = null;
        JsonNode lastTotal = null;
        ObjectNode awaitingUsage = null;
        String openTurn = null;
        boolean aborted = false;
        for (JsonInput.Line line : lines) {
            JsonNode entry = line.value();
            if (!entry.isObject()) {
                throw new ImportException(source.path(), line.at(), "expected an object, found "
                        + JsonInput.found(entry));
            }
            String type = JsonInput.text(source, entry, "type", line.at());
            JsonNode payload = JsonInput.object(source, entry, "payload", line.at());
            Timestamp time = Timestamp.parse(entry.path("timestamp").asText("")).orElse(null);
            if (started == null && time != null) {
                started = time.instant();
            }
            String kind = payload.path("type").asText("");
            switch (type) {
                case "session_meta" -> {
                    sessionId = payload.path("id").asText(sessionId);
                    version = payload.path("cli_version").asText(version);
                    provider = payload.path("model_provider").asText(provider);
                    cwd = payload.path("cwd").asText(cwd);
                    JsonNode git = payload.path("git");
                    if (git.path("commit_hash").isTextual()) {
                        repository = new Repository(git.path("repository_url").asText(""),
                                git.path("commit_hash").textValue(), git.path("branch").asText(null), null);
                    }
                }
                case "turn_context" -> {
                    modelId = payload.path("model").asText(modelId);
                    cwd = payload.path("cwd").asText(cwd);
                }
                case "compacted" -> place(steps.systemEvent("compacted", payload.path("message").asText(
                        payload.toString())), null, time);
                case "event_msg" -> {
                    switch (kind) {
                        case "user_message" -> task = task == null ? payload.path("message").asText(null) : task;
                        case "task_started" -> {
                            openTurn = payload.path("turn_id").asText("");
                            place(steps.systemEvent("task_started", openTurn), null, time);
                        }
                        case "task_complete", "turn_aborted" -> {
                            place(steps.systemEvent(kind, payload.path("turn_id").asText(null)), null, time);
                            aborted = kind.equals("turn_aborted");
                            openTurn = null;
                        }
                        case "token_count" -> {
                            JsonNode total = payload.path("info").path("total_token_usage");
                            if (total.isObject() && !total.equals(lastTotal)) {
                                lastTotal = total;
                                if (awaitingUsage != null) {
                                    StepList.usage(awaitingUsage, usage(payload.path("info")
                                            .path("last_token_usage")));
                                    awaitingUsage = null;
                                }
                            }
                        }
                        case "exec_command_end" -> {
                            Call call = calls.get(payload.path("call_id").asText(""));
                            if (call != null && call.result() != null && payload.path("exit_code").isIntegralNumber()
                                    && call.result().path("kind").asText().equals("command")) {
                                call.result().put("exit-code", payload.path("exit_code").intValue());
                            }
                        }
                        default -> {
                            // the UI's copies of messages and reasoning, and its bookkeeping
                        }
                    }
                }
                case "response_item" -> {
                    ObjectNode step = switch (kind) {
                        case "message" -> {
                            String role = payload.path("role").asText("assistant");
                            String as = role.equals("developer") ? "system" : role;
                            yield steps.message(as, Messages.text(payload.path("content")),
                                    as.equals("assistant") ? modelId : null);
                        }
                        case "reasoning" -> {
                            String text = Messages.text(payload.path("summary"));
                            yield steps.reasoning(text.isEmpty() ? Messages.text(payload.path("content")) : text);
                        }
                        case "function_call", "custom_tool_call", "local_shell_call" -> {
                            String callId = payload.path("call_id").asText(payload.path("id").asText(""));
                            String tool = payload.path("name").asText(kind.equals("local_shell_call")
                                    ? "local_shell" : "");
                            JsonNode args = payload.has("arguments") ? payload.get("arguments")
                                    : payload.has("input") ? payload.get("input") : payload.path("action");
                            String arguments = args.isTextual() ? args.textValue() : args.toString();
                            ObjectNode call = steps.toolCall(callId, tool, arguments);
                            calls.put(callId, new Call(call, tool, arguments, time, null));
                            yield call;
                        }
                        case "function_call_output", "custom_tool_call_output" -> {
                            String callId = payload.path("call_id").asText("");
                            Call call = calls.get(callId);
                            ObjectNode result = output(steps, call, callId, payload.path("output"), cwd, time);
                            if (call != null) {
                                calls.put(callId, new Call(call.step(), call.tool(), call.arguments(), call.time(),
                                        result));
                            }
                            yield result;
                        }
                        default -> steps.systemEvent(kind.isEmpty() ? "response_item" : kind, payload.toString());
                    };
                    place(step, null, time);
                    if (awaitingUsage == null && Set.of("message", "reasoning", "function_call", "custom_tool_call")
                            .contains(kind) && !payload.path("role").asText("assistant").equals("user")
                            && !payload.path("role").asText("").equals("developer")) {
                        awaitingUsage = step;
                    }
                }
                default -> {
                    // a line type this importer does not know is not a step
                }
            }
        }
        if (sessionId == null) {
            throw new ImportException(source.path(), "line 1", "expected a session_meta line with the session id, "
                    + "found none");
        }
        List<String> blockers = new ArrayList<>();
        if (openTurn != null) {
            blockers.add("turn " + openTurn + " did not complete");
        }
        for (Map.Entry<String, Call> call : calls.entrySet()) {
            if (call.getValue().result() == null) {
                blockers.add("call " + call.getKey() + " (" + call.getValue().tool() + ") has no output");
            }
        }
        Outcome outcome = openTurn != null || aborted ? Outcome.ABORTED : Outcome.UNKNOWN;
        Model model = modelId == null ? null : provider != null ? new Model(provider, modelId) : Models.of(modelId);
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, sessionId, task, "codex",
                new Actor.Agent("codex", version), model, repository, started, steps.steps(), outcome, blockers, null,
                lastTotal == null ? null : usage(lastTotal), List.of());
    }

    /** The step a call's output becomes, by the tool that was called. */
    private static ObjectNode output(StepList steps, @Nullable Call call, String callId, JsonNode value,
            @Nullable String cwd, @Nullable Timestamp time) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        JsonNode structured = value.isTextual() ? JsonInput.embedded(text) : value;
        if (structured != null && structured.isObject() && structured.path("output").isTextual()) {
            text = structured.path("output").textValue(); // shell: {"output": ..., "metadata": {"exit_code": ...}}
        }
        JsonNode arguments = call == null ? null : JsonInput.embedded(call.arguments());
        if (call != null && SHELLS.contains(call.tool())) {
            // arguments that are not JSON (a redacted rollout) still ran a command: it keeps them as written
            String command = arguments != null && arguments.isObject() ? command(arguments) : call.arguments();
            if (command != null) {
                String workdir = arguments != null ? arguments.path("workdir").asText(cwd) : cwd;
                JsonNode code = structured == null ? null : structured.path("metadata").path("exit_code");
                Integer exit = code != null && code.isIntegralNumber() ? Integer.valueOf(code.intValue())
                        : exitCode(text).orElse(null);
                JsonNode seconds = structured == null ? null : structured.path("metadata").path("duration_seconds");
                Duration duration = seconds != null && seconds.isNumber()
                        ? Duration.ofMillis(Math.round(seconds.doubleValue() * 1000))
                        : call.time() == null || time == null ? null : Duration.between(call.time().instant(),
                                time.instant());
                ObjectNode step = steps.command(command, workdir, exit, text, null, duration);
                StepList.parent(step, call.step());
                StepList.time(step, time);
                steps.testRunOf(command, text, step);
                return step;
            }
        }
        if (call != null && call.tool().equals("apply_patch") && call.arguments().contains("*** Begin Patch")) {
            for (CodexPatches.FileDiff file : CodexPatches.unified(call.arguments())) {
                ObjectNode edit = steps.fileEdit(file.path(), file.diff());
                StepList.parent(edit, call.step());
                StepList.time(edit, time);
            }
        }
        ObjectNode result = steps.toolResult(callId, text, null);
        StepList.parent(result, call == null ? null : call.step());
        return result;
    }

    private static @Nullable String command(JsonNode arguments) {
        JsonNode cmd = arguments.has("cmd") ? arguments.get("cmd") : arguments.path("command");
        if (cmd.isTextual()) {
            return cmd.textValue();
        }
        if (cmd.isArray() && !cmd.isEmpty()) {
            List<String> parts = new ArrayList<>();
            cmd.forEach(part -> parts.add(part.asText()));
            // ["bash", "-lc", "script"] runs the script: the script is the command
            if (parts.size() == 3 && parts.get(1).equals("-lc")) {
                return parts.get(2);
            }
            return String.join(" ", parts);
        }
        return null;
    }

    private static Optional<Integer> exitCode(String output) {
        Matcher matcher = PROCESS_EXIT.matcher(output);
        if (matcher.find()) {
            try {
                return Optional.of(Integer.parseInt(matcher.group(1)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        return ExitCodes.parse(output);
    }

    private static Usage usage(JsonNode tokens) {
        JsonNode cached = tokens.path("cached_input_tokens");
        return new Usage(tokens.path("input_tokens").canConvertToLong() ? tokens.path("input_tokens").asLong() : null,
                tokens.path("output_tokens").canConvertToLong() ? tokens.path("output_tokens").asLong() : null,
                cached.canConvertToLong() && cached.asLong() > 0 ? cached.asLong() : null, null);
    }

    private static void place(ObjectNode step, @Nullable ObjectNode parent, @Nullable Timestamp time) {
        if (!step.has("parent")) {
            StepList.parent(step, parent);
        }
        if (!step.has("time")) {
            StepList.time(step, time);
        }
    }

    /** A call and, once it came, the step its output became. */
    private record Call(ObjectNode step, String tool, String arguments, @Nullable Timestamp time,
            @Nullable ObjectNode result) {
    }
}
