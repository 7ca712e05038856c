package dev.runtape.ledger.importer.codex;

import java.util.ArrayList;
import java.util.List;

/**
 * Codex's {@code apply_patch} patches as unified diffs, one per file. Codex writes {@code *** Add File: P} with the
 * new lines, {@code *** Delete File: P}, and {@code *** Update File: P} (optionally {@code *** Move to: Q}) with
 * hunks that start at {@code @@} (optionally followed by a line of context) and hold context, removed and added
 * lines. Codex anchors a hunk by its context, not by line numbers, so the numbers of the unified diff count from the
 * first hunk, each hunk after the one before, as the patch does not say where in the file it is. A deleted file's
 * text is not in the patch: its diff has no hunk.
 */
final class CodexPatches {

    private static final String ADD = "*** Add File: ";
    private static final String DELETE = "*** Delete File: ";
    private static final String UPDATE = "*** Update File: ";
    private static final String MOVE = "*** Move to: ";

    /** A file's part of a patch as a unified diff. */
    record FileDiff(String path, String diff) {
    }

    private CodexPatches() {
    }

    /** The files of a patch in order; lines outside a file section ({@code *** Begin Patch}) are not part of any. */
    static List<FileDiff> unified(String patch) {
        List<FileDiff> files = new ArrayList<>();
        List<String> lines = patch.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith(ADD) && !line.startsWith(DELETE) && !line.startsWith(UPDATE)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !isSectionEnd(lines.get(end))) {
                end++;
            }
            files.add(section(line, lines.subList(i + 1, end)));
            i = end;
        }
        return files;
    }

    private static boolean isSectionEnd(String line) {
        return line.startsWith(ADD) || line.startsWith(DELETE) || line.startsWith(UPDATE)
                || line.startsWith("*** End Patch");
    }

    private static FileDiff section(String header, List<String> body) {
        if (header.startsWith(ADD)) {
            String path = header.substring(ADD.length()).strip();
            List<String> added = body.stream().filter(l -> l.startsWith("+")).toList();
            StringBuilder diff = new StringBuilder("--- /dev/null\n+++ b/").append(strip(path)).append('\n');
            if (!added.isEmpty()) {
                diff.append("@@ -0,0 +1,").append(added.size()).append(" @@\n");
                added.forEach(l -> diff.append(l).append('\n'));
            }
            return new FileDiff(path, diff.toString());
        }
        if (header.startsWith(DELETE)) {
            String path = header.substring(DELETE.length()).strip();
            return new FileDiff(path, "--- a/" + strip(path) + "\n+++ /dev/null\n");
        }
        String path = header.substring(UPDATE.length()).strip();
        String target = path;
        List<String> rest = body;
        if (!rest.isEmpty() && rest.getFirst().startsWith(MOVE)) {
            target = rest.getFirst().substring(MOVE.length()).strip();
            rest = rest.subList(1, rest.size());
        }
        StringBuilder diff = new StringBuilder("--- a/").append(strip(path)).append("\n+++ b/").append(strip(target))
                .append('\n');
        int oldLine = 1;
        int newLine = 1;
        List<String> hunk = new ArrayList<>();
        String context = null;
        for (String line : rest) {
            if (line.startsWith("@@")) {
                int[] sizes = flush(diff, hunk, context, oldLine, newLine);
                oldLine += sizes[0];
                newLine += sizes[1];
                hunk.clear();
                context = line.length() > 2 ? line.substring(2).strip() : null;
            } else if (line.startsWith("*** End of File")) {
                continue; // Codex's marker that the hunk reaches the end of the file
            } else {
                hunk.add(line.isEmpty() ? " " : line); // an empty context line lost its leading space
            }
        }
        flush(diff, hunk, context, oldLine, newLine);
        return new FileDiff(target, diff.toString());
    }

    /** Writes one hunk; returns how many old and new lines it spans. */
    private static int[] flush(StringBuilder diff, List<String> hunk, String context, int oldLine, int newLine) {
        int old = (int) hunk.stream().filter(l -> !l.startsWith("+")).count();
        int neu = (int) hunk.stream().filter(l -> !l.startsWith("-")).count();
        if (hunk.isEmpty()) {
            return new int[] {0, 0};
        }
        diff.append("@@ -").append(old == 0 ? oldLine - 1 : oldLine).append(',').append(old).append(" +")
                .append(neu == 0 ? newLine - 1 : newLine).append(',').append(neu).append(" @@")
                .append(context == null || context.isEmpty() ? "" : " " + context).append('\n');
        hunk.forEach(l -> diff.append(l).append('\n'));
        return new int[] {old, neu};
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
