package dev.runtape.ledger.importer.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ExitCodes;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Claude Code's session JSONL. Lines of type {@code user}, {@code assistant} and {@code system} become steps, each
 * with the line's timestamp and, as its parent, the last step of the line its {@code parentUuid} (or, across a
 * compaction, {@code logicalParentUuid}) names.
 *
 * <p>Assistant blocks: text a message, thinking a reasoning step, tool_use a tool call. Tool results, parent their
 * call: Bash a command (stdout and stderr from {@code toolUseResult}, the exit code only where the text says
 * "Exit code N", else unknown), Read a file read, Edit and Write a file edit (the unified diff made from
 * {@code structuredPatch}, or the created file) followed by the tool's own answer, anything else (and a refused or
 * failed call with no exit code) a tool result. System lines are system events named by their subtype (a compaction
 * is "compact_boundary"); the compaction summary the model saw next is a user message. Usage is counted once per API
 * message, whose blocks Claude Code writes on several lines. Hook progress lines, file-history snapshots and queue
 * operations are the tool's bookkeeping and are not imported. Transcripts in {@code SESSION/subagents/} are imported
 * as children; a subagent was given its own task, so its task id is the session's with {@code -agent-ID} (its
 * lines' {@code agentId}), whether it is imported with its session or alone.
 */
public final class ClaudeCodeFormat implements TrajectoryFormat {

    public static final String NAME = "claude-code-jsonl";
    private static final Set<String> EDITS = Set.of("Edit", "Write", "MultiEdit");

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
        boolean session = head.contains("\"sessionId\"") && head.contains("\"parentUuid\"");
        if (!session) {
            return 0;
        }
        return head.contains("\"isSidechain\"") || head.contains("\"userType\"") ? 0.95 : 0.7;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        List<JsonInput.Line> lines = JsonInput.lines(source);
        StepList steps = new StepList();
        Map<String, ObjectNode> lastStepOfLine = new HashMap<>();
        Map<String, ObjectNode> calls = new HashMap<>();
        Map<String, JsonNode> callInputs = new HashMap<>();
        Map<String, Usage> usageByMessage = new LinkedHashMap<>();
        String task = null;
        String sessionId = null;
        String agentId = null;
        String version = null;
        String modelId = null;
        Instant started = null;
        for (JsonInput.Line line : lines) {
            JsonNode entry = line.value();
            if (!entry.isObject()) {
                throw new ImportException(source.path(), line.at(), "expected an object, found "
                        + JsonInput.found(entry));
            }
            String type = entry.path("type").asText("");
            if (!Set.of("user", "assistant", "system").contains(type)) {
                continue;
            }
            sessionId = sessionId == null ? entry.path("sessionId").asText(null) : sessionId;
            if (agentId == null && entry.path("isSidechain").asBoolean(false) && entry.path("agentId").isTextual()) {
                agentId = entry.path("agentId").textValue();
            }
            version = version == null ? entry.path("version").asText(null) : version;
            Timestamp time = Timestamp.parse(entry.path("timestamp").asText("")).orElse(null);
            if (started == null && time != null) {
                started = time.instant();
            }
            String parentUuid = entry.path("parentUuid").asText(entry.path("logicalParentUuid").asText(null));
            ObjectNode parent = parentUuid == null ? null : lastStepOfLine.get(parentUuid);
            int first = steps.next();
            switch (type) {
                case "system" -> {
                    JsonNode data = entry.has("content") ? entry.get("content")
                            : entry.has("compactMetadata") ? entry.get("compactMetadata") : entry;
                    place(steps.systemEvent(entry.path("subtype").asText("system"),
                            data.isTextual() ? data.textValue() : data.toString()), parent, time);
                }
                case "assistant" -> {
                    JsonNode message = JsonInput.object(source, entry, "message", line.at());
                    String model = message.path("model").asText(null);
                    modelId = modelId == null && model != null && !model.startsWith("<") ? model : modelId;
                    for (JsonNode block : message.path("content")) {
                        ObjectNode step = switch (block.path("type").asText("")) {
                            case "text" -> steps.message("assistant", block.path("text").asText(""), model);
                            case "thinking" -> steps.reasoning(block.path("thinking").asText(""));
                            case "tool_use" -> {
                                String id = block.path("id").asText("");
                                callInputs.put(id, block.path("input"));
                                ObjectNode call = steps.toolCall(id, block.path("name").asText(""),
                                        block.path("input").toString());
                                calls.put(id, call);
                                yield call;
                            }
                            default -> steps.systemEvent("content-block", block.toString());
                        };
                        place(step, parent, time);
                        parent = step;
                    }
                    Usage usage = usage(message.path("usage"));
                    String messageId = message.path("id").asText(entry.path("uuid").asText(""));
                    if (usage != null && !usageByMessage.containsKey(messageId) && steps.next() > first) {
                        StepList.usage(steps.steps().get(first), usage);
                    }
                    if (usage != null) {
                        usageByMessage.put(messageId, usage);
                    }
                }
                default -> {
                    JsonNode message = JsonInput.object(source, entry, "message", line.at());
                    JsonNode content = message.path("content");
                    if (content.isTextual()) {
                        if (task == null && !entry.path("isMeta").asBoolean(false)) {
                            task = content.textValue();
                        }
                        place(steps.message("user", content.textValue(), null), parent, time);
                        parent = steps.steps().getLast();
                    }
                    for (JsonNode block : content.isArray() ? content : List.<JsonNode>of()) {
                        ObjectNode step;
                        if (block.path("type").asText("").equals("tool_result")) {
                            String id = block.path("tool_use_id").asText("");
                            step = result(steps, calls.get(id), callInputs.get(id), id, block,
                                    entry.path("toolUseResult"), entry.path("cwd").asText(null), time);
                            ObjectNode call = calls.get(id);
                            place(step, call == null ? parent : null, time);
                        } else {
                            step = steps.message("user", block.has("text") ? block.path("text").asText("")
                                    : block.toString(), null);
                            place(step, parent, time);
                        }
                        parent = steps.steps().getLast();
                    }
                }
            }
            if (steps.next() > first) {
                lastStepOfLine.put(entry.path("uuid").asText(""), steps.steps().getLast());
            }
        }
        if (sessionId == null) {
            throw new ImportException(source.path(), "every line", "expected user, assistant or system lines with a "
                    + "sessionId, found none");
        }
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME,
                agentId == null ? sessionId : sessionId + "-agent-" + agentId, task, "claude-code", new Actor.Agent("claude-code", version),
                modelId == null ? null : new Model("anthropic", modelId), null, started, steps.steps(),
                Outcome.UNKNOWN, List.of(), null, total(usageByMessage.values()), children(source));
    }

    /** The step a tool result becomes, by the tool that was called. */
    private static ObjectNode result(StepList steps, @Nullable ObjectNode call, @Nullable JsonNode input, String id,
            JsonNode block, JsonNode toolResult, @Nullable String cwd, @Nullable Timestamp time) {
        String tool = call == null ? "" : call.path("tool").asText();
        String output = Messages.text(block.path("content"));
        boolean error = block.path("is_error").asBoolean(false);
        ObjectNode step;
        if (tool.equals("Bash") && input != null && (!error || ExitCodes.parse(output).isPresent())) {
            String stdout = toolResult.isObject() ? toolResult.path("stdout").asText(output) : output;
            String stderr = toolResult.isObject() ? toolResult.path("stderr").asText("") : "";
            String command = input.path("command").asText("");
            step = steps.command(command, cwd, ExitCodes.parse(output).orElse(null), stdout,
                    stderr.isEmpty() ? null : stderr, null);
            StepList.parent(step, call);
            StepList.time(step, time);
            steps.testRunOf(command, stdout + "\n" + stderr, step);
            return step;
        }
        if (tool.equals("Read") && input != null && !error) {
            step = steps.fileRead(input.path("file_path").asText(""), output);
        } else if (EDITS.contains(tool) && input != null && !error && toolResult.isObject()) {
            String path = toolResult.path("filePath").asText(input.path("file_path").asText(""));
            JsonNode hunks = toolResult.path("structuredPatch");
            String diff = hunks.isArray() && !hunks.isEmpty() ? UnifiedDiffs.ofHunks(path, hunks)
                    : UnifiedDiffs.ofCreated(path, toolResult.path("content").asText(input.path("content").asText("")));
            ObjectNode edit = steps.fileEdit(path, diff);
            StepList.parent(edit, call);
            StepList.time(edit, time);
            step = steps.toolResult(id, output, null);
        } else {
            step = steps.toolResult(id, output, error ? Boolean.TRUE : null);
        }
        StepList.parent(step, call);
        return step;
    }

    private static void place(ObjectNode step, @Nullable ObjectNode parent, @Nullable Timestamp time) {
        if (!step.has("parent")) {
            StepList.parent(step, parent);
        }
        if (!step.has("time")) {
            StepList.time(step, time);
        }
    }

    private static @Nullable Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        long input = usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0);
        JsonNode cached = usage.path("cache_read_input_tokens");
        return new Usage(input, usage.path("output_tokens").canConvertToLong()
                ? usage.path("output_tokens").asLong() : null, cached.canConvertToLong() ? cached.asLong() : null,
                null);
    }

    private static @Nullable Usage total(Collection<Usage> usages) {
        if (usages.isEmpty()) {
            return null;
        }
        long input = 0;
        long output = 0;
        long cached = 0;
        for (Usage usage : usages) {
            input += usage.inputTokens() == null ? 0 : usage.inputTokens();
            output += usage.outputTokens() == null ? 0 : usage.outputTokens();
            cached += usage.cacheReadTokens() == null ? 0 : usage.cacheReadTokens();
        }
        return new Usage(input, output, cached, null);
    }

    /** The subagents' transcripts of this session, in {@code SESSION/subagents/*.jsonl}, by file name. */
    private List<ImportedTrajectory> children(SourceFile source) throws ImportException {
        String name = source.name();
        if (!name.endsWith(".jsonl")) {
            return List.of();
        }
        Path parentDir = source.path().toAbsolutePath().getParent();
        if (parentDir == null) {
            return List.of();
        }
        Path subagents = parentDir.resolve(name.substring(0, name.length() - ".jsonl".length())).resolve("subagents");
        if (!Files.isDirectory(subagents)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(subagents)) {
            files = listed.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new ImportException(subagents, "the directory", "cannot list it: " + e.getMessage(), e);
        }
        List<ImportedTrajectory> children = new ArrayList<>();
        for (Path file : files) {
            children.add(read(SourceFile.readBeside(file)));
        }
        return children;
    }
}
