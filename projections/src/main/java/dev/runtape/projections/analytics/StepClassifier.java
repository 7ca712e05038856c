package dev.runtape.projections.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which activity a step is, from its kind, its command's first word or the tool that was called. Shell commands
 * are read by the program they run (the last in a pipe or {@code &&} chain decides only for tests, since
 * {@code cd repo && pytest} verifies); SWE-agent's own commands ({@code find_file}, {@code open}, {@code edit}) and
 * the editors' tools (Claude Code's Grep and Read, OpenHands' str_replace_editor) count as what they do.
 */
final class StepClassifier {

    private static final Pattern TEST = Pattern.compile("(^|[\\s;&|(])(pytest|py\\.test|tox|nox|jest|vitest|mocha"
            + "|go test|cargo test|mvn\\b[^;&|]*\\b(test|verify)|\\./mvnw\\b[^;&|]*\\b(test|verify)|gradle\\b[^;&|]*\\btest"
            + "|npm (run )?test|yarn test|pnpm test|make (test|check)|python[0-9.]* -m (pytest|unittest)|ctest|phpunit"
            + "|rspec|bundle exec rspec|dotnet test)\\b");
    private static final Set<String> SEARCH = Set.of("grep", "rg", "ag", "ack", "find", "fd", "ls", "tree", "locate",
            "find_file", "search_dir", "search_file", "glob");
    private static final Set<String> READING = Set.of("cat", "head", "tail", "less", "more", "nl", "open", "goto",
            "scroll_up", "scroll_down", "view", "bat", "wc", "diff");
    private static final Set<String> GIT_READING = Set.of("diff", "log", "show", "status", "blame");
    private static final Set<String> EDITING = Set.of("edit", "insert", "create", "apply_patch", "patch", "tee",
            "touch", "mv", "cp", "rm", "mkdir");
    private static final Set<String> SEARCH_TOOLS = Set.of("grep", "glob", "search", "find_file", "search_dir",
            "search_file", "websearch", "codebase_search", "list_dir", "ls");
    private static final Set<String> READING_TOOLS = Set.of("read", "read_file", "view", "open", "webfetch",
            "fetch");
    private static final Set<String> EDITING_TOOLS = Set.of("edit", "write", "multiedit", "str_replace_editor",
            "str_replace_based_edit_tool", "apply_patch", "replace", "write_file", "insert", "create", "edit_file");

    private StepClassifier() {
    }

    /** The activity of a step; {@code tool} is the name of the call a result answers, if any. */
    static Activity of(JsonNode step, String tool) {
        return switch (step.path("kind").asText()) {
            case "file-read" -> Activity.READING;
            case "file-edit" -> Activity.EDITING;
            case "test-run" -> Activity.VERIFICATION;
            case "command" -> command(text(step.path("command")));
            case "tool-result" -> tool(tool);
            default -> Activity.OTHER;
        };
    }

    /** Whether a command runs tests (a test-run step may follow it, when its output had a summary). */
    static boolean runsTests(String command) {
        return TEST.matcher(command).find();
    }

    static Activity command(String command) {
        String text = command.strip();
        if (runsTests(text)) {
            return Activity.VERIFICATION;
        }
        if (text.matches("(?s).*\\bsed\\s+-i.*") || text.matches("(?s).*(^|[^>2&])>{1,2}\\s*[\\w./-]+.*")
                && !text.startsWith("echo $")) {
            return Activity.EDITING; // sed -i, or output redirected into a file
        }
        List<String> words = List.of(text.split("\\s+"));
        String first = words.isEmpty() ? "" : program(words);
        if (first.equals("sed")) {
            return Activity.READING; // sed -n 10,20p
        }
        if (first.equals("git")) {
            String verb = words.size() > words.indexOf("git") + 1 ? words.get(words.indexOf("git") + 1) : "";
            return verb.equals("grep") ? Activity.SEARCH : GIT_READING.contains(verb) ? Activity.READING
                    : Activity.OTHER;
        }
        if (SEARCH.contains(first)) {
            return Activity.SEARCH;
        }
        if (READING.contains(first)) {
            return Activity.READING;
        }
        if (EDITING.contains(first)) {
            return Activity.EDITING;
        }
        return Activity.OTHER;
    }

    private static Activity tool(String tool) {
        String name = tool.toLowerCase(Locale.ROOT);
        if (SEARCH_TOOLS.contains(name)) {
            return Activity.SEARCH;
        }
        if (READING_TOOLS.contains(name)) {
            return Activity.READING;
        }
        return EDITING_TOOLS.contains(name) ? Activity.EDITING : Activity.OTHER;
    }

    /** The program a command line runs: past {@code cd DIR &&} and environment assignments. */
    private static String program(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("cd") && i + 2 < words.size() && words.get(i + 2).equals("&&")) {
                i += 3;
            } else if (word.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || word.equals("sudo") || word.equals("time")) {
                i++;
            } else {
                return word.replaceAll("^[(\"']+", "").toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : "";
    }
}
