package dev.runtape.ledger.importer.sweagent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.TextDiffs;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SWE-agent's editing commands as unified diffs: {@code edit N:M} (lines N to M of the open file replaced by the
 * text up to {@code end_of_edit}), and in 1.x the {@code edit} tool's search and replace and the {@code insert} tool
 * (text after a line, by default at the end). The text before is read from the editor's last window, so an edit
 * of lines the agent never had on screen has no diff. An edit SWE-agent refused (its linter found a syntax error)
 * changed nothing and is no file edit.
 */
final class WindowEdits {

    private static final Pattern LINE_RANGE = Pattern.compile("^edit (\\d+):(\\d+)$");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\[File: (.+) \\(\\d+ lines total\\)\\]$");

    /** An edit of one file. */
    record Edit(String path, String diff) {
    }

    private WindowEdits() {
    }

    /**
     * The edit an action made, if it made one.
     *
     * @param action the action as SWE-agent ran it
     * @param function the 1.x tool call's {@code function} ({@code name}, {@code arguments}), or null
     * @param observation what the action printed
     * @param before the editor's window before the action
     * @param cwd the working directory: a path in it is named relative to it, as the submission's diff does
     */
    static Optional<Edit> of(String action, @Nullable JsonNode function, @Nullable String observation,
            EditorWindow before, @Nullable String cwd) {
        if (observation == null || observation.contains(EditorWindow.NOT_APPLIED)) {
            return Optional.empty();
        }
        Matcher shown = HEADER.matcher(observation);
        if (!shown.find()) {
            return Optional.empty(); // a usage error or a missing file: nothing was written
        }
        String path = relative(shown.group(1), cwd);
        String tool = function == null ? "" : function.path("name").asText("");
        JsonNode arguments = function == null ? null : JsonInput.embedded(function.path("arguments").asText(""));
        if (tool.equals("edit") && arguments != null && arguments.path("search").isTextual()) {
            return Optional.of(new Edit(path, replaced(path, arguments.path("search").textValue(),
                    arguments.path("replace").asText(""), before)));
        }
        if (tool.equals("insert") && arguments != null && arguments.path("text").isTextual()) {
            int after = arguments.path("line").canConvertToInt() ? arguments.path("line").asInt() : before.total();
            return Optional.of(new Edit(path, TextDiffs.at(path, "", withNewline(arguments.path("text").textValue()),
                    after + 1)));
        }
        return lineRange(path, action, before);
    }

    private static Optional<Edit> lineRange(String path, String action, EditorWindow before) {
        String[] lines = action.split("\n", -1);
        Matcher range = LINE_RANGE.matcher(lines[0].strip());
        if (!range.matches()) {
            return Optional.empty();
        }
        int last = lines.length - 1;
        while (last > 0 && lines[last].isBlank()) {
            last--;
        }
        if (last == 0 || !lines[last].strip().equals("end_of_edit")) {
            return Optional.empty();
        }
        int from = Integer.parseInt(range.group(1));
        int to = Integer.parseInt(range.group(2));
        StringBuilder replacement = new StringBuilder();
        for (int i = 1; i < last; i++) {
            replacement.append(lines[i]).append('\n');
        }
        return before.text(from, to)
                .map(old -> new Edit(path, TextDiffs.at(path, old, replacement.toString(), Math.max(from, 1))));
    }

    /** Search and replace: numbered from the window's line holding the text, else counted from the text itself. */
    private static String replaced(String path, String search, String replace, EditorWindow before) {
        String firstLine = search.lines().findFirst().orElse(search);
        Optional<Integer> at = firstLine.isBlank() ? Optional.empty() : before.find(firstLine);
        if (at.isPresent()) {
            int count = (int) search.lines().count();
            Optional<String> old = before.text(at.get(), at.get() + Math.max(count, 1) - 1);
            if (old.isPresent() && old.get().contains(search)) {
                return TextDiffs.at(path, old.get(), old.get().replace(search, replace), at.get());
            }
        }
        return TextDiffs.unified(path, withNewline(search), withNewline(replace));
    }

    private static String relative(String path, @Nullable String cwd) {
        if (cwd != null && !cwd.isEmpty()) {
            String prefix = cwd.endsWith("/") ? cwd : cwd + "/";
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
