package dev.runtape.ledger.importer.gemini;

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
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TextDiffs;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gemini CLI's session JSON: {@code sessionId}, {@code startTime} and {@code messages}, each with its id, timestamp,
 * type and content.
 *
 * <p>A {@code user} message is a user message (the first is the task); a {@code gemini} message is its thoughts as
 * reasoning steps (subject and description), its content as an assistant message with its model and tokens, and its
 * tool calls as tool-call steps (arguments as JSON), each followed by its result, parent the call:
 * {@code run_shell_command} a command (the output as Gemini CLI wrote it, with the exit code of its "Exit Code: N"
 * line, else unknown), {@code read_file} a file read, {@code replace} a file edit (a unified diff of
 * {@code old_string} and {@code new_string}) and {@code write_file} a created file, each followed by the tool's own
 * answer, anything else a tool result ({@code is-error} when the call's status is error or cancelled). {@code info},
 * {@code error} and {@code warning} messages are system events so named. Tokens: input, output plus thoughts, and
 * cached.
 */
public final class GeminiCliFormat implements TrajectoryFormat {

    public static final String NAME = "gemini-cli-session";
    private static final Set<String> EDITS = Set.of("replace", "edit");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(8192);
        if (!head.stripLeading().startsWith("{") || !head.contains("\"sessionId\"")
                || !head.contains("\"messages\"")) {
            return 0;
        }
        if (head.contains("\"projectHash\"")) {
            return 0.95;
        }
        return head.contains("\"type\": \"gemini\"") || head.contains("\"type\":\"gemini\"") ? 0.8 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        JsonNode root = JsonInput.document(source);
        if (!root.isObject()) {
            throw new ImportException(source.path(), "$", "expected a session object, found "
                    + JsonInput.found(root));
        }
        String sessionId = JsonInput.text(source, root, "sessionId", "$");
        JsonNode messages = JsonInput.array(source, root, "messages", "$");
        StepList steps = new StepList();
        String task = null;
        String modelId = null;
        long input = 0;
        long output = 0;
        long cached = 0;
        boolean anyTokens = false;
        Instant started = Timestamp.parse(root.path("startTime").asText("")).map(Timestamp::instant).orElse(null);
        for (int i = 0; i < messages.size(); i++) {
            String at = "$.messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw new ImportException(source.path(), at, "expected a message object, found "
                        + JsonInput.found(message));
            }
            String type = JsonInput.text(source, message, "type", at);
            Timestamp time = Timestamp.parse(message.path("timestamp").asText("")).orElse(null);
            if (started == null && time != null) {
                started = time.instant();
            }
            String content = Messages.text(message.path("content"));
            switch (type) {
                case "user" -> {
                    if (task == null) {
                        task = content;
                    }
                    StepList.time(steps.message("user", content, null), time);
                }
                case "gemini" -> {
                    String model = JsonInput.optionalText(message, "model");
                    modelId = modelId == null ? model : modelId;
                    ObjectNode last = null;
                    ObjectNode first = null;
                    for (JsonNode thought : message.path("thoughts")) {
                        ObjectNode step = steps.reasoning(thought(thought));
                        StepList.time(step, Timestamp.parse(thought.path("timestamp").asText("")).orElse(time));
                        StepList.parent(step, last);
                        first = first == null ? step : first;
                        last = step;
                    }
                    JsonNode calls = message.path("toolCalls");
                    if (!content.isEmpty() || !calls.isArray() || calls.isEmpty()) {
                        ObjectNode reply = steps.message("assistant", content, model);
                        StepList.time(reply, time);
                        StepList.parent(reply, last);
                        first = first == null ? reply : first;
                        last = reply;
                    }
                    ObjectNode answered = last;
                    for (int c = 0; c < calls.size(); c++) {
                        ObjectNode call = call(source, steps, calls.get(c), at + ".toolCalls[" + c + "]", time);
                        StepList.parent(call, answered);
                        first = first == null ? call : first;
                    }
                    JsonNode tokens = message.path("tokens");
                    if (tokens.isObject()) {
                        anyTokens = true;
                        long in = tokens.path("input").asLong(0);
                        long out = tokens.path("output").asLong(0) + tokens.path("thoughts").asLong(0);
                        long cache = tokens.path("cached").asLong(0);
                        input += in;
                        output += out;
                        cached += cache;
                        if (first != null) {
                            StepList.usage(first, new Usage(in, out, cache, null));
                        }
                    }
                }
                default -> StepList.time(steps.systemEvent(type, content), time);
            }
        }
        Model model = Models.of(modelId);
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, sessionId, task, "gemini-cli",
                new Actor.Agent("gemini-cli", null), model, null, started, steps.steps(), Outcome.UNKNOWN,
                List.of(), null, anyTokens ? new Usage(input, output, cached, null) : null, List.of());
    }

    /** A tool call and the step its result becomes; returns the call. */
    private static ObjectNode call(SourceFile source, StepList steps, JsonNode record, String at,
            @Nullable Timestamp messageTime) throws ImportException {
        if (!record.isObject()) {
            throw new ImportException(source.path(), at, "expected a tool call object, found "
                    + JsonInput.found(record));
        }
        String id = JsonInput.text(source, record, "id", at);
        String tool = JsonInput.text(source, record, "name", at);
        JsonNode args = record.path("args");
        Timestamp time = Timestamp.parse(record.path("timestamp").asText("")).orElse(messageTime);
        ObjectNode call = steps.toolCall(id, tool, args.isMissingNode() ? "{}" : args.toString());
        StepList.time(call, time);
        String status = record.path("status").asText("");
        boolean failed = status.equals("error") || status.equals("cancelled");
        String output = resultText(record);
        ObjectNode result;
        if (tool.equals("run_shell_command") && args.path("command").isTextual()
                && (!failed || ExitCodes.parse(output).isPresent())) {
            String command = args.path("command").textValue();
            result = steps.command(command, JsonInput.optionalText(args, "directory"),
                    ExitCodes.parse(output).orElse(null), output, null, null);
            StepList.parent(result, call);
            StepList.time(result, time);
            steps.testRunOf(command, output, result);
            return call;
        }
        String path = args.path("file_path").asText(args.path("absolute_path").asText(args.path("path").asText("")));
        if (tool.equals("read_file") && !failed && !path.isEmpty()) {
            result = steps.fileRead(path, output);
        } else if ((EDITS.contains(tool) || tool.equals("write_file")) && !failed && !path.isEmpty()) {
            String diff = tool.equals("write_file") ? TextDiffs.unified(path, "", args.path("content").asText(""))
                    : TextDiffs.unified(path, args.path("old_string").asText(""), args.path("new_string").asText(""));
            ObjectNode edit = steps.fileEdit(path, diff);
            StepList.parent(edit, call);
            StepList.time(edit, time);
            result = steps.toolResult(id, output, null);
        } else {
            result = steps.toolResult(id, output, failed ? Boolean.TRUE : null);
        }
        StepList.parent(result, call);
        StepList.time(result, time);
        return call;
    }

    /** What the tool answered: the function responses' output or error, else what the CLI displayed. */
    private static String resultText(JsonNode record) {
        JsonNode result = record.path("result");
        List<String> texts = new ArrayList<>();
        for (JsonNode part : result.isArray() ? result : List.of(result)) {
            JsonNode response = part.path("functionResponse").path("response");
            if (response.path("output").isTextual()) {
                texts.add(response.path("output").textValue());
            } else if (response.path("error").isTextual()) {
                texts.add(response.path("error").textValue());
            } else if (response.isObject()) {
                texts.add(response.toString());
            } else if (part.isTextual()) {
                texts.add(part.textValue());
            } else if (part.path("text").isTextual()) {
                texts.add(part.path("text").textValue());
            }
        }
        if (texts.isEmpty()) {
            return record.path("resultDisplay").isTextual() ? record.path("resultDisplay").textValue() : "";
        }
        return String.join("\n", texts);
    }

    private static String thought(JsonNode thought) {
        String subject = thought.path("subject").asText("");
        String description = thought.path("description").asText("");
        if (subject.isEmpty()) {
            return description;
        }
        return description.isEmpty() ? subject : subject + "\n\n" + description;
    }
}
