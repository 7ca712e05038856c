package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a sample file holds, counted from its raw JSON or text with Jackson and regular expressions, and with no class
 * of the importers: the steps each format's documentation (and decision 0015's mapping) makes of it, its commands,
 * the commands whose exit code the file states, and its file edits and final diffs. {@code SampleCountsTest} holds
 * the importers to these numbers, so a count that changes on either side fails there.
 */
final class RawCounts {

    /**
     * The counts of one file with its children.
     *
     * @param uncounted the system events a count leaves to the importer (their grouping is the importer's rule,
     *     not the file's), taken out of the importer's steps before comparing
     */
    record Counts(int steps, int commands, int exitCodesKnown, int diffs, Set<String> uncounted) {

        static final Counts NONE = new Counts(0, 0, 0, 0, Set.of());

        Counts plus(Counts other) {
            Set<String> both = new HashSet<>(uncounted);
            both.addAll(other.uncounted);
            return new Counts(steps + other.steps, commands + other.commands, exitCodesKnown + other.exitCodesKnown,
                    diffs + other.diffs, Set.copyOf(both));
        }
    }

    /** A tally while counting one file. */
    private static final class Tally {
        int steps;
        int commands;
        int exitCodes;
        int diffs;

        void command(boolean exitCodeStated, String output) {
            steps++;
            commands++;
            exitCodes += exitCodeStated ? 1 : 0;
            steps += TEST_SUMMARY.matcher(output).find() ? 1 : 0; // a recognised test run is a step of its own
        }

        Counts counts() {
            return new Counts(steps, commands, exitCodes, diffs, Set.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The exit code as the formats' texts state it. */
    private static final Pattern STATED_EXIT = Pattern.compile("<returncode>\\s*-?\\d+\\s*</returncode>"
            + "|\\[Command finished with exit code -?\\d+]|(?m)^Exit code:? -?\\d+\\s*$|(?i)exit code: -?\\d+"
            + "|(?m)^Process exited with code -?\\d+");
    /** The summary lines of pytest, Maven Surefire, go test, cargo test and Jest. */
    private static final Pattern TEST_SUMMARY = Pattern.compile("(?m)^=+ .*\\b\\d+ (passed|failed)\\b.* =+\\s*$"
            + "|(?m)^\\[(INFO|ERROR|WARNING)] Tests run: \\d+, Failures: \\d+|(?m)^(ok|FAIL)\\s+\\S+\\s+[\\d.]+s$"
            + "|(?m)^test result: (ok|FAILED)\\. \\d+ passed|(?m)^Tests:\\s+.*\\d+ total\\s*$");

    private RawCounts() {
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static boolean stated(String text) {
        return STATED_EXIT.matcher(text).find();
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
        }
        return content.isArray() ? text.toString() : content.isMissingNode() || content.isNull() ? ""
                : content.toString();
    }

    private static JsonNode embedded(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /**
     * SWE-agent {@code .traj}: the history before the run's first reply as messages; per trajectory entry the reply,
     * its tool calls (1.x), the action as a command without an exit code, and an edit the editor applied (a window
     * shown, not "NOT been applied") as a file edit; the exit status and a submission that is no diff as events.
     */
    static Counts sweAgent(Path file) throws IOException {
        JsonNode root = json(file);
        Tally tally = new Tally();
        List<JsonNode> replies = new ArrayList<>();
        boolean replied = false;
        for (JsonNode entry : root.path("history")) {
            boolean demo = entry.path("is_demo").asBoolean(false);
            if (entry.path("role").asText().equals("assistant") && !demo) {
                replied = true;
                replies.add(entry);
            } else if (!replied) {
                tally.steps++;
            }
        }
        JsonNode trajectory = root.path("trajectory");
        for (int i = 0; i < trajectory.size(); i++) {
            JsonNode entry = trajectory.get(i);
            tally.steps++;
            if (i < replies.size() && replies.get(i).path("tool_calls").isArray()) {
                tally.steps += replies.get(i).path("tool_calls").size();
            }
            String action = entry.path("action").asText();
            String observation = entry.path("observation").asText("");
            tally.command(false, observation);
            boolean edits = action.startsWith("edit ") || action.startsWith("insert ");
            if (edits && observation.contains("[File: ") && !observation.contains("NOT been applied")) {
                tally.steps++;
                tally.diffs++;
            }
        }
        JsonNode info = root.path("info");
        tally.steps += info.has("exit_status") ? 1 : 0;
        String submission = info.path("submission").asText("");
        if (submission.contains("diff --git")) {
            tally.diffs++;
        } else if (info.path("submission").isTextual()) {
            tally.steps++;
        }
        return tally.counts();
    }

    private static final Pattern BASH_BLOCK = Pattern.compile("```(bash|mswea_bash_command)\\s*\\n");

    /**
     * mini-swe-agent: every message a step, except an observation (a user or tool message after a reply that ran a
     * command), which is that command's output; a reply's command is its bash block, or each tool call with a
     * command; {@code <returncode>} states the exit code; the exit status is an event; the submission the final diff.
     */
    static Counts miniSweAgent(Path file) throws IOException {
        JsonNode root = json(file);
        JsonNode messages = root.isArray() ? root : root.path("messages");
        Tally tally = new Tally();
        boolean pending = false;
        boolean task = false;
        String lastObservation = "";
        Set<String> commandCalls = new HashSet<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            String content = text(message.path("content"));
            if (role.equals("assistant")) {
                tally.steps++;
                JsonNode calls = message.path("tool_calls");
                if (calls.isArray() && !calls.isEmpty()) {
                    tally.steps += calls.size();
                    pending = false;
                    for (JsonNode call : calls) {
                        if (embedded(call.path("function").path("arguments").asText("")).path("command")
                                .isTextual()) {
                            pending = true;
                            commandCalls.add(call.path("id").asText());
                        }
                    }
                } else {
                    pending = BASH_BLOCK.matcher(content).find();
                }
            } else if (role.equals("tool") && commandCalls.remove(message.path("tool_call_id").asText())) {
                tally.command(content.contains("<returncode>"), content);
                lastObservation = content;
                pending = false;
            } else if ((role.equals("user") || role.equals("tool")) && !task && role.equals("user")) {
                task = true;
                tally.steps++;
            } else if ((role.equals("user") || role.equals("tool")) && pending) {
                tally.command(content.contains("<returncode>"), content);
                lastObservation = content;
                pending = false;
            } else {
                tally.steps++;
            }
        }
        JsonNode info = root.path("info");
        tally.steps += info.has("exit_status") ? 1 : 0;
        tally.diffs += !info.path("submission").asText("").isEmpty() || root.isArray()
                && lastObservation.contains("diff --git") ? 1 : 0;
        return tally.counts();
    }

    /**
     * Claude Code: user, assistant and system lines only (progress, snapshots and queue lines are the tool's
     * bookkeeping); a system line an event, each assistant content block a step, a user line's text a message and
     * each of its blocks a step: a tool result by the tool its tool_use named (Bash a command unless refused without
     * "Exit code N"; an Edit or Write that succeeded a file edit and the tool's answer). Subagent transcripts in
     * {@code SESSION/subagents/} count with their session.
     */
    static Counts claudeCode(Path file) throws IOException {
        Tally tally = new Tally();
        Map<String, String> tools = new HashMap<>();
        for (JsonNode line : jsonLines(file)) {
            String type = line.path("type").asText();
            JsonNode content = line.path("message").path("content");
            switch (type) {
                case "system" -> tally.steps++;
                case "assistant" -> {
                    for (JsonNode block : content) {
                        tally.steps++;
                        if (block.path("type").asText().equals("tool_use")) {
                            tools.put(block.path("id").asText(), block.path("name").asText());
                        }
                    }
                }
                case "user" -> {
                    if (content.isTextual()) {
                        tally.steps++;
                    }
                    for (JsonNode block : content.isArray() ? content : JSON.createArrayNode()) {
                        if (!block.path("type").asText().equals("tool_result")) {
                            tally.steps++;
                            continue;
                        }
                        String tool = tools.getOrDefault(block.path("tool_use_id").asText(), "");
                        String output = text(block.path("content"));
                        boolean error = block.path("is_error").asBoolean(false);
                        boolean exit = Pattern.compile("(?m)^Exit code:? -?\\d+\\s*$").matcher(output).find();
                        if (tool.equals("Bash") && (!error || exit)) {
                            JsonNode result = line.path("toolUseResult");
                            String stdout = result.isObject() ? result.path("stdout").asText(output) : output;
                            tally.command(exit, stdout + "\n" + result.path("stderr").asText(""));
                        } else if (Set.of("Edit", "Write", "MultiEdit").contains(tool) && !error
                                && line.path("toolUseResult").isObject()) {
                            tally.steps += 2;
                            tally.diffs++;
                        } else {
                            tally.steps++;
                        }
                    }
                }
                default -> {
                }
            }
        }
        Counts counts = tally.counts();
        String name = file.getFileName().toString();
        Path subagents = file.resolveSibling(name.substring(0, name.length() - ".jsonl".length())).resolve("subagents");
        if (Files.isDirectory(subagents)) {
            try (Stream<Path> files = Files.list(subagents)) {
                for (Path child : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                    counts = counts.plus(claudeCode(child));
                }
            }
        }
        return counts;
    }

    private static final Set<String> CODEX_SHELLS = Set.of("exec_command", "shell", "container.exec",
            "local_shell");
    private static final Pattern CODEX_PATCH_FILE = Pattern.compile("(?m)^\\*\\*\\* (Add|Update|Delete) File: ");

    /**
     * Codex CLI rollout: each response item a step (a shell call's output a command, an apply_patch's output a file
     * edit per file of the patch and the tool's answer); task_started, task_complete, turn_aborted and compacted
     * events; the UI's copies and token counts are not steps.
     */
    static Counts codex(Path file) throws IOException {
        Tally tally = new Tally();
        Map<String, JsonNode> calls = new HashMap<>();
        for (JsonNode line : jsonLines(file)) {
            JsonNode payload = line.path("payload");
            String kind = payload.path("type").asText();
            switch (line.path("type").asText()) {
                case "compacted" -> tally.steps++;
                case "event_msg" -> tally.steps += Set.of("task_started", "task_complete", "turn_aborted")
                        .contains(kind) ? 1 : 0;
                case "response_item" -> {
                    if (Set.of("function_call", "custom_tool_call", "local_shell_call").contains(kind)) {
                        calls.put(payload.path("call_id").asText(payload.path("id").asText()), payload);
                        tally.steps++;
                    } else if (kind.equals("function_call_output") || kind.equals("custom_tool_call_output")) {
                        JsonNode call = calls.get(payload.path("call_id").asText());
                        String tool = call == null ? "" : call.path("name").asText(call.path("type").asText()
                                .equals("local_shell_call") ? "local_shell" : "");
                        String output = payload.path("output").isTextual() ? payload.path("output").textValue()
                                : payload.path("output").toString();
                        JsonNode structured = embedded(output);
                        if (CODEX_SHELLS.contains(tool)) {
                            String shown = structured.path("output").asText(output);
                            boolean exit = structured.path("metadata").path("exit_code").isIntegralNumber()
                                    || stated(shown);
                            tally.command(exit, shown);
                        } else {
                            String input = call == null ? "" : call.path("input").asText(call.path("arguments")
                                    .asText(""));
                            if (tool.equals("apply_patch") && input.contains("*** Begin Patch")) {
                                Matcher files = CODEX_PATCH_FILE.matcher(input);
                                while (files.find()) {
                                    tally.steps++;
                                    tally.diffs++;
                                }
                            }
                            tally.steps++;
                        }
                    } else {
                        tally.steps++;
                    }
                }
                default -> {
                }
            }
        }
        return tally.counts();
    }

    /**
     * Gemini CLI session: a user message; a gemini message's thoughts, its text (or an empty reply without tool
     * calls), each tool call and its result (run_shell_command a command unless it failed without an exit code;
     * an edit or write that succeeded a file edit and the tool's answer); any other message an event.
     */
    static Counts gemini(Path file) throws IOException {
        Tally tally = new Tally();
        for (JsonNode message : json(file).path("messages")) {
            if (!message.path("type").asText().equals("gemini")) {
                tally.steps++;
                continue;
            }
            tally.steps += message.path("thoughts").size();
            JsonNode calls = message.path("toolCalls");
            if (!text(message.path("content")).isEmpty() || calls.isEmpty()) {
                tally.steps++;
            }
            for (JsonNode call : calls) {
                tally.steps++;
                String tool = call.path("name").asText();
                boolean failed = Set.of("error", "cancelled").contains(call.path("status").asText());
                String output = call.path("result").toString();
                if (tool.equals("run_shell_command") && (!failed || stated(output))) {
                    tally.command(stated(output), output);
                } else if (Set.of("replace", "edit", "write_file").contains(tool) && !failed) {
                    tally.steps += 2;
                    tally.diffs++;
                } else {
                    tally.steps++;
                }
            }
        }
        return tally.counts();
    }

    /**
     * Aider chat history: each session header an event; each input (a run of {@code ####} lines) a user message, an
     * Aider command event, or with {@code /run}, {@code /test} or {@code !} a command; each {@code ## Running:} lint
     * a command whose output states "exit code: N"; each reply (a run of plain lines) a message and each complete
     * SEARCH/REPLACE block in it a file edit. Aider's own quoted output is left to the importer's "output" events:
     * how its lines group into messages is Aider's line-break rule, not something to count here.
     */
    static Counts aider(Path file) throws IOException {
        Tally tally = new Tally();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        if (!lines.isEmpty() && lines.getFirst().matches("-\\*-.*-\\*-\\s*")) {
            lines.removeFirst(); // the editor's mode line Aider writes first
        }
        String previous = "blank";
        boolean inBlock = false;
        boolean divided = false;
        String command = null;
        StringBuilder output = new StringBuilder();
        boolean continued = false; // inside one of Aider's messages of several lines, quoted on its first only
        for (String line : lines) {
            continued = continued && !line.startsWith("# aider chat started at ");
            String kind = continued ? "quote" : line.startsWith("# aider chat started at ") ? "header"
                    : line.startsWith("####") ? "user" : line.startsWith("> ") || line.equals(">") ? "quote"
                    : line.isBlank() ? "blank" : "text";
            if (kind.equals("quote")) {
                boolean ends = line.matches(".*\\S  $") || !continued && (line.strip().equals(">")
                        || line.endsWith("  "));
                continued = !ends;
            }
            if (command != null && !kind.equals("quote") && !(kind.equals("blank") && output.isEmpty())) {
                if (!kind.equals("blank")) {
                    tally.command(stated(output.toString()), output.toString());
                    command = null;
                }
            }
            if (!kind.equals("text") && !kind.equals("blank")) {
                inBlock = false;
            }
            switch (kind) {
                case "header" -> tally.steps++;
                case "user" -> {
                    if (!previous.equals("user")) {
                        String input = line.substring(4).strip();
                        if (input.startsWith("!") || input.startsWith("/run ") || input.startsWith("/test ")) {
                            command = input;
                            output.setLength(0);
                        } else {
                            tally.steps++;
                        }
                    }
                }
                case "quote" -> {
                    if (line.startsWith("> ## Running: ")) {
                        if (command != null) {
                            tally.command(stated(output.toString()), output.toString());
                        }
                        command = line;
                        output.setLength(0);
                    } else if (command != null) {
                        output.append(line.startsWith(">") ? line.substring(1).stripLeading() : line).append('\n');
                    }
                }
                case "text" -> {
                    if (!previous.equals("text") && !previous.equals("blank-in-text")) {
                        tally.steps++;
                    }
                    if (line.matches("^<{5,9} SEARCH\\s*$")) {
                        inBlock = true;
                        divided = false;
                    } else if (inBlock && line.matches("^={5,9}\\s*$")) {
                        inBlock = !divided;
                        divided = true;
                    } else if (inBlock && divided && line.matches("^>{5,9} REPLACE\\s*$")) {
                        tally.steps++;
                        tally.diffs++;
                        inBlock = false;
                    }
                }
                default -> {
                }
            }
            previous = kind.equals("blank") && (previous.equals("text") || previous.equals("blank-in-text"))
                    ? "blank-in-text" : kind;
        }
        if (command != null) {
            tally.command(stated(output.toString()), output.toString());
        }
        Counts counts = tally.counts();
        return new Counts(counts.steps(), counts.commands(), counts.exitCodesKnown(), counts.diffs(),
                Set.of("output"));
    }

    /**
     * OpenHands event list: an action's thought (or its model response's text) a reply, its tool call (or, with no
     * call id, any action that is not a step of its own), and the step it is (system and message a message, think
     * reasoning, recall an event, finish the final message); an observation: {@code run} a command (exit code from
     * its metadata or the "[Command finished with exit code N]" text), {@code read} a file read, {@code edit} with
     * a diff a file edit and the tool's answer, else one step. An evaluation line adds its result explanation and
     * error as events and its git patch as the final diff; several lines are children with an event each.
     */
    static Counts openHands(Path file) throws IOException {
        String start = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("[")) {
            return openHandsEvents(json(file));
        }
        List<JsonNode> lines = jsonLines(file);
        Counts counts = Counts.NONE;
        for (JsonNode line : lines) {
            Counts run = openHandsEvents(line.path("history"));
            int events = (line.has("result_explanation") ? 1 : 0)
                    + (line.path("error").asText("").isEmpty() ? 0 : 1);
            String patch = line.path("test_result").path("git_patch").asText(line.path("git_patch").asText(""));
            counts = counts.plus(run).plus(new Counts(events, 0, 0, patch.isEmpty() ? 0 : 1, Set.of()));
        }
        return lines.size() == 1 ? counts : counts.plus(new Counts(lines.size(), 0, 0, 0, Set.of()));
    }

    private static final Set<String> OPENHANDS_OWN = Set.of("system", "message", "think", "recall", "finish");
    private static final Set<String> OPENHANDS_UNTYPED = Set.of("system", "message", "think", "recall", "finish",
            "run", "read", "edit");

    private static Counts openHandsEvents(JsonNode events) {
        Tally tally = new Tally();
        Set<String> responses = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode args = event.path("args").isObject() ? event.path("args") : event;
            if (event.has("action")) {
                String action = event.path("action").asText();
                JsonNode response = event.path("tool_call_metadata").path("model_response");
                boolean fresh = response.isObject() && responses.add(response.path("id").asText(""));
                String thought = args.path("thought").asText("");
                if (thought.isBlank() && fresh) {
                    thought = text(response.path("choices").path(0).path("message").path("content"));
                }
                tally.steps += !thought.isBlank() && !action.equals("think") && !action.equals("finish") ? 1 : 0;
                tally.steps += event.path("tool_call_metadata").isObject() || !OPENHANDS_UNTYPED.contains(action)
                        ? 1 : 0;
                tally.steps += OPENHANDS_OWN.contains(action) ? 1 : 0;
                continue;
            }
            JsonNode extras = event.path("extras").isObject() ? event.path("extras") : event;
            String content = event.path("content").asText(event.path("message").asText(""));
            switch (event.path("observation").asText()) {
                case "run" -> tally.command(extras.path("metadata").path("exit_code").isIntegralNumber()
                        || extras.path("exit_code").isIntegralNumber()
                        || stated(content + extras.path("metadata").path("suffix").asText("")), content);
                case "edit" -> {
                    boolean diff = !extras.path("diff").asText("").isEmpty() || content.startsWith("--- ");
                    if (diff && !content.startsWith("ERROR:")) {
                        tally.steps++;
                        tally.diffs++;
                    }
                    tally.steps++;
                }
                default -> tally.steps++;
            }
        }
        return tally.counts();
    }

    private static final Set<String> ATIF_EDITORS = Set.of("str_replace_editor", "str_replace_based_edit_tool",
            "file_editor", "edit_file");
    private static final Set<String> ATIF_SHELLS = Set.of("bash_command", "execute_bash", "bash", "shell",
            "run_command", "exec_command", "terminal");

    /**
     * ATIF: a system or user step its message; an agent step its reasoning, its message (or an empty reply without
     * tool calls) and each tool call, or Terminus' JSON reply's keystrokes as commands; each observation result a
     * step (a shell call's a command; Terminus' screen the last command's output), each sub-trajectory reference an
     * event, a continuation an event; the files they name count as children.
     */
    static Counts atif(Path file) throws IOException {
        return atif(file, new HashSet<>());
    }

    private static Counts atif(Path file, Set<Path> seen) throws IOException {
        seen.add(file.toAbsolutePath().normalize());
        JsonNode root = json(file);
        Tally tally = new Tally();
        Counts children = Counts.NONE;
        for (JsonNode step : root.path("steps")) {
            String message = text(step.path("message"));
            Map<String, String> calls = new HashMap<>();
            List<String> order = new ArrayList<>();
            Set<String> creates = new HashSet<>();
            int keystrokes = 0;
            if (step.path("source").asText().equals("agent")) {
                tally.steps += step.path("reasoning_content").asText("").isEmpty() ? 0 : 1;
                boolean hasCalls = step.path("tool_calls").isArray();
                tally.steps += !message.isEmpty() || !hasCalls ? 1 : 0;
                if (!hasCalls) {
                    for (JsonNode keys : embedded(message).path("commands")) {
                        keystrokes += keys.path("keystrokes").isTextual() ? 1 : 0;
                    }
                }
                for (JsonNode call : step.path("tool_calls")) {
                    tally.steps++;
                    calls.put(call.path("tool_call_id").asText(), call.path("function_name").asText());
                    order.add(call.path("function_name").asText());
                    JsonNode arguments = call.path("arguments").isTextual()
                            ? embedded(call.path("arguments").textValue()) : call.path("arguments");
                    String op = arguments.path("command").asText();
                    boolean edits = op.equals("create") && arguments.path("file_text").isTextual()
                            || op.equals("str_replace") && arguments.path("old_str").isTextual()
                            || op.equals("insert") && arguments.path("new_str").isTextual();
                    if (ATIF_EDITORS.contains(call.path("function_name").asText()) && edits
                            && !arguments.path("path").asText().isEmpty()) {
                        creates.add(call.path("tool_call_id").asText());
                    }
                }
            } else {
                tally.steps += !message.isEmpty() || !step.has("observation") ? 1 : 0;
            }
            List<String> outputs = new ArrayList<>();
            int unnamed = 0;
            for (JsonNode result : step.path("observation").path("results")) {
                String tool = result.path("source_call_id").isTextual()
                        ? calls.get(result.path("source_call_id").textValue())
                        : unnamed < order.size() && !result.has("subagent_trajectory_ref") ? order.get(unnamed++)
                        : null;
                if (result.has("content")) {
                    String content = text(result.path("content"));
                    if (tool == null && keystrokes > 0) {
                        outputs.add(content);
                    } else if (tool != null && ATIF_SHELLS.contains(tool)) {
                        tally.command(stated(content), content);
                    } else if (creates.contains(result.path("source_call_id").asText()) && !content.startsWith("ERROR")) {
                        tally.steps += 2; // the edit as a diff, and the editor's answer
                        tally.diffs++;
                    } else {
                        tally.steps++;
                    }
                }
                for (JsonNode ref : refs(result.path("subagent_trajectory_ref"))) {
                    tally.steps++;
                    children = children.plus(referenced(file, ref.path("trajectory_path").asText(""), seen));
                }
            }
            for (JsonNode ref : refs(step.path("subagent_trajectory_ref"))) {
                tally.steps++;
                children = children.plus(referenced(file, ref.path("trajectory_path").asText(""), seen));
            }
            for (int k = 0; k < keystrokes; k++) {
                String screen = k == keystrokes - 1 && !outputs.isEmpty() ? outputs.getLast() : "";
                tally.command(stated(screen), screen);
            }
        }
        if (root.path("continued_trajectory_ref").isTextual()) {
            tally.steps++;
            children = children.plus(referenced(file, root.path("continued_trajectory_ref").textValue(), seen));
        }
        return tally.counts().plus(children);
    }

    private static List<JsonNode> refs(JsonNode refs) {
        List<JsonNode> list = new ArrayList<>();
        if (refs.isArray()) {
            refs.forEach(list::add);
        } else if (refs.isObject()) {
            list.add(refs);
        }
        return list;
    }

    /** A referenced file beside this one: by its name, or (as Harbor's goldens do) with this file's prefix. */
    private static Counts referenced(Path file, String name, Set<Path> seen) throws IOException {
        if (name.isEmpty()) {
            return Counts.NONE;
        }
        String own = file.getFileName().toString();
        String prefix = own.contains(".trajectory") ? own.substring(0, own.indexOf(".trajectory")) : "";
        for (Path candidate : List.of(file.resolveSibling(name), file.resolveSibling(prefix + "." + name))) {
            if (Files.isRegularFile(candidate) && !seen.contains(candidate.toAbsolutePath().normalize())) {
                return atif(candidate, seen);
            }
        }
        return Counts.NONE;
    }

    /**
     * An AgentNet recording: one event for its metadata; a press and its release one click or drag, a scroll, a
     * key press; each window brought to the front and each element noted under the pointer an event.
     */
    static Counts agentNetEvents(Path file) throws IOException {
        int steps = 1;
        Map<String, Integer> pressed = new HashMap<>();
        for (JsonNode event : jsonLines(file)) {
            switch (event.path("action").asText()) {
                case "click" -> {
                    String button = event.path("button").asText();
                    if (event.path("pressed").asBoolean(false)) {
                        pressed.merge(button, 1, Integer::sum);
                    } else {
                        steps++;
                        pressed.computeIfPresent(button, (b, n) -> n > 1 ? n - 1 : null);
                    }
                }
                case "scroll", "press" -> steps++;
                case "move", "release" -> {
                }
                default -> steps++;
            }
        }
        steps += pressed.values().stream().mapToInt(Integer::intValue).sum();
        for (String name : List.of("top_window.jsonl", "element.jsonl")) {
            Path sidecar = file.resolveSibling(name);
            steps += Files.isRegularFile(sidecar) ? jsonLines(sidecar).size() : 0;
        }
        return new Counts(steps, 0, 0, 0, Set.of());
    }

    /**
     * A processed AgentNet trajectory: its meta info an event; per step its observation, thought and instruction
     * one reasoning step when it has any, and its action a tool call (terminate an event). Several lines are
     * children with an event each.
     */
    static Counts agentNetTrajectory(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        List<JsonNode> records = text.lines().filter(l -> !l.isBlank()).count() > 1 && embedded(
                text.lines().findFirst().orElse("")).isObject() ? jsonLines(file) : List.of(json(file));
        int steps = records.size() > 1 ? records.size() : 0;
        for (JsonNode record : records) {
            boolean bench = record.has("steps");
            steps += record.path("meta_info").isObject() ? 1 : 0;
            for (JsonNode entry : record.path(bench ? "steps" : "traj")) {
                JsonNode monologue = bench ? entry.path("inner_monologue") : entry.path("value");
                boolean reasons = Stream.of("observation", "thought", "low_level_instruction")
                        .anyMatch(member -> !monologue.path(member).asText("").isBlank());
                steps += (reasons ? 1 : 0) + 1;
            }
        }
        return new Counts(steps, 0, 0, 0, Set.of());
    }

    /** Harbor traces: per episode its conversation's messages and each reply's think block; an event each. */
    static Counts harborTraces(Path file) throws IOException {
        JsonNode episodes = json(file);
        int steps = episodes.size() > 1 ? episodes.size() : 0;
        for (JsonNode episode : episodes) {
            for (JsonNode message : episode.path("conversations")) {
                steps++;
                steps += message.path("role").asText().equals("assistant")
                        && text(message.path("content")).stripLeading().startsWith("<think>") ? 1 : 0;
            }
        }
        return new Counts(steps, 0, 0, 0, Set.of());
    }

    /** SWE-bench predictions: an event per prediction (and one more each when there are several), its patch. */
    static Counts predictions(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        List<JsonNode> predictions = new ArrayList<>();
        if (text.lines().count() > 1 && embedded(text.lines().findFirst().orElse("")).isObject()) {
            predictions.addAll(jsonLines(file));
        } else {
            JsonNode root = json(file);
            if (root.has("instance_id")) {
                predictions.add(root);
            } else {
                root.forEach(predictions::add);
            }
        }
        int diffs = (int) predictions.stream().filter(p -> !p.path("model_patch").asText("").isBlank()).count();
        return new Counts(predictions.size() * (predictions.size() > 1 ? 2 : 1), 0, 0, diffs, Set.of());
    }
}
