package dev.runtape.ledger.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unified diffs of an edit a source keeps as the text before and after (Aider's SEARCH/REPLACE blocks, Gemini CLI's
 * {@code old_string}/{@code new_string}), not as a patch. The source does not say where in the file the text was, so
 * the diff is one hunk whose line numbers count from the edited text's first line; its lines are the longest common
 * subsequence of the two texts as context, the rest removed and added. Empty text before is a created file. Where
 * the source does say where (SWE-agent's windowed edits), {@link #at} numbers the hunk from that line.
 */
public final class TextDiffs {

    /** Beyond this many line pairs the texts are written as all removed, then all added, without a search. */
    private static final long MAX_CELLS = 4_000_000;

    private TextDiffs() {
    }

    public static String unified(String path, String before, String after) {
        List<String> old = lines(before);
        List<String> neu = lines(after);
        String name = path.startsWith("/") ? path : "/" + path;
        StringBuilder diff = new StringBuilder();
        diff.append(old.isEmpty() ? "--- /dev/null" : "--- a" + name).append('\n')
                .append("+++ b").append(name).append('\n')
                .append("@@ -").append(old.isEmpty() ? 0 : 1).append(',').append(old.size())
                .append(" +").append(neu.isEmpty() ? 0 : 1).append(',').append(neu.size()).append(" @@\n");
        for (String line : body(old, neu)) {
            diff.append(line).append('\n');
        }
        return diff.toString();
    }

    /**
     * The diff of a change at a known place in an existing file: {@code before} stood from line {@code firstLine}
     * (1-based) and {@code after} stands there now; an empty {@code before} is an insertion before that line.
     */
    public static String at(String path, String before, String after, int firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("line numbers start at 1, found " + firstLine);
        }
        List<String> old = lines(before);
        List<String> neu = lines(after);
        String name = path.startsWith("/") ? path : "/" + path;
        StringBuilder diff = new StringBuilder();
        diff.append("--- a").append(name).append('\n').append("+++ b").append(name).append('\n')
                .append("@@ -").append(old.isEmpty() ? firstLine - 1 : firstLine).append(',').append(old.size())
                .append(" +").append(neu.isEmpty() ? firstLine - 1 : firstLine).append(',').append(neu.size())
                .append(" @@\n");
        for (String line : body(old, neu)) {
            diff.append(line).append('\n');
        }
        return diff.toString();
    }

    private static List<String> body(List<String> old, List<String> neu) {
        int n = old.size();
        int m = neu.size();
        List<String> out = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            old.forEach(line -> out.add("-" + line));
            neu.forEach(line -> out.add("+" + line));
            return out;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(neu.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && old.get(i).equals(neu.get(j))) {
                out.add(" " + old.get(i++));
                j++;
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                out.add("-" + old.get(i++));
            } else {
                out.add("+" + neu.get(j++));
            }
        }
        return out;
    }

    /** The lines of a text; a final newline ends the last line rather than starting an empty one. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] split = text.split("\n", -1);
        int count = split[split.length - 1].isEmpty() ? split.length - 1 : split.length;
        return Arrays.asList(split).subList(0, count);
    }
}
