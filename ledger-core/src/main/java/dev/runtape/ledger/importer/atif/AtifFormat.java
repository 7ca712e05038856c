package dev.runtape.ledger.importer.atif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
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
import dev.runtape.ledger.importer.TextDiffs;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * ATIF ({@code schema_version} "ATIF-v1.x"). Each step, by its {@code source}: system and user a message (the first
 * user message not {@code is_copied_context} is the task); agent its {@code reasoning_content} a reasoning step, its
 * message an assistant message (model and the step's {@code metrics} as usage), each tool call a tool-call step. An
 * observation result answers the call its {@code source_call_id} names (or, without one, the step's call in order):
 * a shell call ({@code bash_command} keystrokes, {@code execute_bash} and the like) a command whose output is the
 * result and whose exit code is unknown unless the text states one; an editor {@code view} a file read, a
 * {@code create}, {@code str_replace} and {@code insert} a file edit (the created file, the replaced text, the
 * inserted lines as a unified diff) followed by the tool's answer; anything else a tool result.
 * A reply without tool calls whose message is Terminus' JSON ({@code "commands": [{"keystrokes": ...}]}) has its
 * commands as command steps, the observation the last one's output. Any other result with no call (a parser's
 * complaint) is a message of role tool. {@code subagent_trajectory_ref} and {@code continued_trajectory_ref} are
 * system events naming the file and the trajectory imported from it as a child; {@code subagent_trajectories}
 * embedded in the file are children too. {@code final_metrics} is the usage; ATIF records no outcome and no diff.
 */
public final class AtifFormat implements TrajectoryFormat {

    public static final String NAME = "atif";
    private static final Pattern VERSION = Pattern.compile("\"schema_version\"\\s*:\\s*\"ATIF-v\\d");
    private static final Set<String> SHELLS = Set.of("bash_command", "execute_bash", "bash", "shell", "run_command",
            "exec_command", "terminal");
    private static final Set<String> EDITORS = Set.of("str_replace_editor", "str_replace_based_edit_tool",
            "file_editor", "edit_file");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(8192);
        if (!head.stripLeading().startsWith("{")) {
            return 0;
        }
        if (VERSION.matcher(head).find()) {
            return 0.99;
        }
        return head.contains("\"step_id\"") && head.contains("\"agent\"") && head.contains("\"steps\"") ? 0.6 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        return read(source, new HashSet<>());
    }

    private ImportedTrajectory read(SourceFile source, Set<Path> reading) throws ImportException {
        reading.add(source.path().toAbsolutePath().normalize());
        JsonNode root = JsonInput.document(source);
        if (!root.isObject()) {
            throw new ImportException(source.path(), "$", "expected an ATIF trajectory object, found "
                    + JsonInput.found(root));
        }
        return trajectory(source, root, "$", NAME + "-" + source.shortDigest(), reading);
    }

    private ImportedTrajectory trajectory(SourceFile source, JsonNode root, String at, String id, Set<Path> reading)
            throws ImportException {
        String version = JsonInput.text(source, root, "schema_version", at);
        if (!version.startsWith("ATIF-v")) {
            throw new ImportException(source.path(), at + ".schema_version", "expected \"ATIF-v1.x\", found "
                    + JsonInput.found(root.get("schema_version")));
        }
        JsonNode agent = JsonInput.object(source, root, "agent", at);
        JsonNode steps = JsonInput.array(source, root, "steps", at);
        StepList out = new StepList();
        List<ImportedTrajectory> children = new ArrayList<>();
        Map<String, ImportedTrajectory> embedded = new HashMap<>();
        JsonNode subagents = root.path("subagent_trajectories");
        for (int i = 0; i < subagents.size(); i++) {
            JsonNode sub = subagents.get(i);
            String subAt = at + ".subagent_trajectories[" + i + "]";
            if (!sub.isObject()) {
                throw new ImportException(source.path(), subAt, "expected a trajectory object, found "
                        + JsonInput.found(sub));
            }
            ImportedTrajectory child = trajectory(source, sub, subAt, id + "-sub-" + i, reading);
            children.add(child);
            for (String key : List.of("trajectory_id", "session_id")) {
                if (sub.path(key).isTextual()) {
                    embedded.put(sub.path(key).textValue(), child);
                }
            }
        }
        String task = null;
        String firstUser = null;
        Instant started = null;
        for (int i = 0; i < steps.size(); i++) {
            String stepAt = at + ".steps[" + i + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                throw new ImportException(source.path(), stepAt, "expected a step object, found "
                        + JsonInput.found(step));
            }
            String from = JsonInput.text(source, step, "source", stepAt);
            Timestamp time = Timestamp.parse(step.path("timestamp").asText("")).orElse(null);
            if (started == null && time != null) {
                started = time.instant();
            }
            String message = Messages.text(step.path("message"));
            Usage usage = usage(step.path("metrics"));
            ObjectNode first = null;
            ObjectNode reply = null;
            Map<String, ObjectNode> calls = new HashMap<>();
            List<ObjectNode> inOrder = new ArrayList<>();
            List<ObjectNode> batch = new ArrayList<>();
            switch (from) {
                case "system", "user" -> {
                    if (!message.isEmpty() || !step.has("observation")) {
                        first = out.message(from, message, null);
                        StepList.time(first, time);
                    }
                    if (from.equals("user")) {
                        firstUser = firstUser == null ? message : firstUser;
                        if (task == null && !step.path("is_copied_context").asBoolean(false)) {
                            task = message;
                        }
                    }
                    reply = first;
                }
                case "agent" -> {
                    String model = step.path("model_name").asText(agent.path("model_name").asText(null));
                    String reasoning = step.path("reasoning_content").asText("");
                    if (!reasoning.isEmpty()) {
                        first = out.reasoning(reasoning);
                        StepList.time(first, time);
                    }
                    if (!message.isEmpty() || !step.path("tool_calls").isArray()) {
                        reply = out.message("assistant", message, model);
                        StepList.parent(reply, first);
                        StepList.time(reply, time);
                        first = first == null ? reply : first;
                    }
                    JsonNode written = step.path("tool_calls").isArray() ? null : JsonInput.embedded(message);
                    for (JsonNode keys : written == null ? List.<JsonNode>of() : written.path("commands")) {
                        // Terminus' JSON replies: the commands are in the message, their screen the observation
                        if (keys.path("keystrokes").isTextual()) {
                            ObjectNode command = out.command(keys.path("keystrokes").textValue(), null, null, null,
                                    null, null);
                            StepList.parent(command, reply);
                            StepList.time(command, time);
                            batch.add(command);
                        }
                    }
                    JsonNode toolCalls = step.path("tool_calls");
                    for (int c = 0; c < toolCalls.size(); c++) {
                        JsonNode call = toolCalls.get(c);
                        String callAt = stepAt + ".tool_calls[" + c + "]";
                        String callId = JsonInput.text(source, call, "tool_call_id", callAt);
                        JsonNode arguments = call.path("arguments");
                        ObjectNode callStep = out.toolCall(callId, JsonInput.text(source, call, "function_name",
                                callAt), arguments.isTextual() ? arguments.textValue() : arguments.toString());
                        StepList.parent(callStep, reply != null ? reply : first);
                        StepList.time(callStep, time);
                        first = first == null ? callStep : first;
                        calls.put(callId, callStep);
                        inOrder.add(callStep);
                    }
                }
                default -> throw new ImportException(source.path(), stepAt + ".source", "expected system, user or "
                        + "agent, found " + JsonInput.found(step.get("source")));
            }
            JsonNode results = step.path("observation").path("results");
            int unnamed = 0;
            for (int r = 0; r < results.size(); r++) {
                JsonNode result = results.get(r);
                ObjectNode call = null;
                if (result.path("source_call_id").isTextual()) {
                    call = calls.get(result.path("source_call_id").textValue());
                } else if (unnamed < inOrder.size() && !result.has("subagent_trajectory_ref")) {
                    call = inOrder.get(unnamed++);
                }
                if (result.has("content") && call == null && !batch.isEmpty()) {
                    ObjectNode command = batch.getLast();
                    String screen = Messages.text(result.path("content"));
                    command.put("stdout", screen);
                    ExitCodes.parse(screen).ifPresent(code -> command.put("exit-code", code));
                    out.testRunOf(command.path("command").asText(), screen, command);
                } else if (result.has("content")) {
                    ObjectNode answer = answer(out, call, Messages.text(result.path("content")), time);
                    StepList.parent(answer, call != null ? call : reply != null ? reply : first);
                    StepList.time(answer, time);
                    first = first == null ? answer : first;
                }
                first = refs(source, result.path("subagent_trajectory_ref"), out, embedded, children, reading,
                        reply != null ? reply : first, time, first);
            }
            first = refs(source, step.path("subagent_trajectory_ref"), out, embedded, children, reading,
                    reply != null ? reply : first, time, first);
            if (first != null) {
                StepList.usage(first, usage);
            }
        }
        String continuation = root.path("continued_trajectory_ref").asText(null);
        if (continuation != null) {
            ObjectNode event = out.systemEvent("continued_trajectory_ref", continuation);
            ImportedTrajectory next = referenced(source, continuation, reading);
            if (next != null) {
                event.put("data", continuation + " -> " + next.trajectoryId());
                children.add(next);
            }
        }
        return new ImportedTrajectory(id, NAME, root.path("session_id").asText(root.path("trajectory_id")
                .asText(stem(source))), task != null ? task : firstUser, "terminal-bench",
                new Actor.Agent(agent.path("name").asText(NAME), agent.path("version").asText(null)),
                Models.of(agent.path("model_name").asText(null)), null, started, out.steps(), Outcome.UNKNOWN,
                List.of(), null, finalUsage(root.path("final_metrics")), children);
    }

    /** The step a result becomes, by the tool that was called. */
    private static ObjectNode answer(StepList out, @Nullable ObjectNode call, String content,
            @Nullable Timestamp time) {
        if (call == null) {
            return out.message("tool", content, null);
        }
        String tool = call.path("tool").asText();
        JsonNode arguments = JsonInput.embedded(call.path("arguments").asText());
        arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        String command = arguments.path("keystrokes").asText(arguments.path("command").asText(arguments.path("cmd")
                .asText("")));
        if (SHELLS.contains(tool) && !command.isEmpty()) {
            ObjectNode step = out.command(command, arguments.path("cwd").asText(null),
                    ExitCodes.parse(content).orElse(null), content, null, null);
            StepList.parent(step, call);
            StepList.time(step, time);
            out.testRunOf(command, content, step);
            return step;
        }
        String path = arguments.path("path").asText("");
        if (EDITORS.contains(tool) && !path.isEmpty() && !content.startsWith("ERROR")) {
            String op = arguments.path("command").asText("");
            if (op.equals("view")) {
                return out.fileRead(path, content);
            }
            String diff = null;
            if (op.equals("create") && arguments.path("file_text").isTextual()) {
                diff = created(path, arguments.path("file_text").textValue());
            } else if (op.equals("str_replace") && arguments.path("old_str").isTextual()) {
                diff = TextDiffs.unified(path, withNewline(arguments.path("old_str").textValue()),
                        withNewline(arguments.path("new_str").asText("")));
            } else if (op.equals("insert") && arguments.path("new_str").isTextual()
                    && arguments.path("insert_line").canConvertToInt() && arguments.path("insert_line").asInt() >= 0) {
                diff = TextDiffs.at(path, "", withNewline(arguments.path("new_str").textValue()),
                        arguments.path("insert_line").asInt() + 1);
            }
            if (diff != null) {
                ObjectNode edit = out.fileEdit(path, diff);
                StepList.parent(edit, call);
                StepList.time(edit, time);
            }
        }
        return out.toolResult(call.path("call-id").asText(), content, content.startsWith("ERROR") ? Boolean.TRUE
                : null);
    }

    /** Sub-trajectory references: a system event for each, the trajectory it names a child. */
    private @Nullable ObjectNode refs(SourceFile source, JsonNode refs, StepList out,
            Map<String, ImportedTrajectory> embedded, List<ImportedTrajectory> children, Set<Path> reading,
            @Nullable ObjectNode parent, @Nullable Timestamp time, @Nullable ObjectNode first) throws ImportException {
        List<JsonNode> list = new ArrayList<>();
        if (refs.isArray()) {
            refs.forEach(list::add);
        } else if (refs.isObject()) {
            list.add(refs);
        }
        ObjectNode firstStep = first;
        for (JsonNode ref : list) {
            String path = ref.path("trajectory_path").asText(null);
            String key = ref.path("trajectory_id").asText(ref.path("session_id").asText(""));
            ImportedTrajectory child = embedded.get(key);
            if (child == null && path != null) {
                child = referenced(source, path, reading);
                if (child != null) {
                    children.add(child);
                }
            }
            ObjectNode data = ref.deepCopy();
            if (child != null) {
                data.put("imported_as", child.trajectoryId());
            }
            ObjectNode event = out.systemEvent("subagent_trajectory_ref", data.toString());
            StepList.parent(event, parent);
            StepList.time(event, time);
            firstStep = firstStep == null ? event : firstStep;
        }
        return firstStep;
    }

    /**
     * The trajectory a reference names, beside this file: as written, or with this file's name before
     * "trajectory.json" put before it (Harbor writes {@code trajectory.cont-1.json} beside {@code trajectory.json},
     * and copies keep a prefix on both); null when there is no such file.
     */
    private @Nullable ImportedTrajectory referenced(SourceFile source, String ref, Set<Path> reading)
            throws ImportException {
        Path dir = source.path().toAbsolutePath().getParent();
        if (dir == null || ref.isBlank()) {
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(ref));
        String name = source.name();
        int base = name.indexOf("trajectory.");
        if (base > 0) {
            candidates.add(dir.resolve(name.substring(0, base) + ref));
        }
        for (Path candidate : candidates) {
            Path normal = candidate.normalize();
            if (Files.isRegularFile(normal) && !reading.contains(normal)) {
                return read(SourceFile.readBeside(candidate), reading);
            }
        }
        return null;
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    private static String created(String path, String content) {
        String[] lines = content.isEmpty() ? new String[0] : content.split("\n", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        StringBuilder diff = new StringBuilder("--- /dev/null\n+++ b").append(path.startsWith("/") ? "" : "/")
                .append(path).append("\n@@ -0,0 +1,").append(count).append(" @@\n");
        for (int i = 0; i < count; i++) {
            diff.append('+').append(lines[i]).append('\n');
        }
        if (!content.isEmpty() && !content.endsWith("\n")) {
            diff.append("\\ No newline at end of file\n");
        }
        return diff.toString();
    }

    private static @Nullable Usage usage(JsonNode metrics) {
        if (!metrics.isObject()) {
            return null;
        }
        return new Usage(number(metrics, "prompt_tokens"), number(metrics, "completion_tokens"),
                positive(number(metrics, "cached_tokens")), metrics.path("cost_usd").isNumber()
                        ? metrics.path("cost_usd").doubleValue() : null);
    }

    private static @Nullable Usage finalUsage(JsonNode metrics) {
        if (!metrics.isObject()) {
            return null;
        }
        return new Usage(number(metrics, "total_prompt_tokens"), number(metrics, "total_completion_tokens"),
                positive(number(metrics, "total_cached_tokens")), metrics.path("total_cost_usd").isNumber()
                        ? metrics.path("total_cost_usd").doubleValue() : null);
    }

    private static @Nullable Long number(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.canConvertToLong() ? value.asLong() : null;
    }

    private static @Nullable Long positive(@Nullable Long value) {
        return value == null || value <= 0 ? null : value;
    }

    private static String stem(SourceFile source) {
        String name = source.name();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return stem.length() > 200 ? stem.substring(0, 200) : stem;
    }
}
