package dev.runtape.ledger.importer.sweagent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What SWE-agent's editor last showed of the open file: its path, its length and the numbered lines of the window
 * ({@code [File: PATH (N lines total)]}, then {@code 287:text}). SWE-agent's edits name lines of the open file, not
 * the text they replace, so the window is where the text before an edit is read from. Observations of 1.x runs end
 * their lines with CR LF. Mutable: one per import.
 */
final class EditorWindow {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\[File: (.+) \\((\\d+) lines total\\)\\]$");
    private static final Pattern LINE = Pattern.compile("^(\\d+):(.*)$");
    /** SWE-agent shows a refused edit as it "would have looked": that window is not the file. */
    static final String NOT_APPLIED = "Your changes have NOT been applied";

    private @Nullable String path;
    private int total;
    private final Map<Integer, String> lines = new HashMap<>();

    /** Takes in the first window an observation shows, unless it shows an edit that was refused. */
    void observe(@Nullable String observation) {
        if (observation == null || observation.contains(NOT_APPLIED)) {
            return;
        }
        Matcher header = HEADER.matcher(observation);
        if (!header.find()) {
            return;
        }
        path = header.group(1);
        total = Integer.parseInt(header.group(2));
        lines.clear();
        int expected = -1;
        for (String line : observation.substring(header.end()).split("\r?\n", -1)) {
            Matcher numbered = LINE.matcher(line);
            if (numbered.matches()) {
                int number = Integer.parseInt(numbered.group(1));
                if (expected != -1 && number != expected) {
                    break; // numbers out of order: the window has ended and something else printed digits
                }
                lines.put(number, numbered.group(2));
                expected = number + 1;
            } else if (expected != -1 && !line.startsWith("(")) {
                break; // past the window: "File updated. ..." or a footer such as "(37 more lines below)"
            }
        }
    }

    Optional<String> path() {
        return Optional.ofNullable(path);
    }

    int total() {
        return total;
    }

    /** Lines {@code from} to {@code to} (inclusive, clipped to the file's end) as one text, if the window held all. */
    Optional<String> text(int from, int to) {
        if (path == null || from < 1) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int number = from; number <= Math.min(to, total); number++) {
            String line = lines.get(number);
            if (line == null) {
                return Optional.empty();
            }
            text.append(line).append('\n');
        }
        return Optional.of(text.toString());
    }

    /** The first line of the window that contains {@code fragment}, if any. */
    Optional<Integer> find(String fragment) {
        return lines.entrySet().stream().filter(entry -> entry.getValue().contains(fragment))
                .map(Map.Entry::getKey).min(Integer::compare);
    }
}
