package dev.runtape.ledger.importer.claudecode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Unified diffs of Claude Code's edits: an edit's {@code structuredPatch} hunks carry their ranges and lines, so only
 * the file headers and hunk headers are written around them; a file created whole is one hunk of added lines.
 */
final class UnifiedDiffs {

    private UnifiedDiffs() {
    }

    static String ofHunks(String path, JsonNode hunks) {
        StringBuilder diff = new StringBuilder("--- a").append(path).append("\n+++ b").append(path).append('\n');
        for (JsonNode hunk : hunks) {
            diff.append("@@ -").append(hunk.path("oldStart").asLong()).append(',').append(hunk.path("oldLines").asLong())
                    .append(" +").append(hunk.path("newStart").asLong()).append(',')
                    .append(hunk.path("newLines").asLong()).append(" @@\n");
            for (JsonNode line : hunk.path("lines")) {
                diff.append(line.asText()).append('\n');
            }
        }
        return diff.toString();
    }

    static String ofCreated(String path, String content) {
        String[] lines = content.isEmpty() ? new String[0] : content.split("\n", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        StringBuilder diff = new StringBuilder("--- /dev/null\n+++ b").append(path).append('\n')
                .append("@@ -0,0 +1,").append(count).append(" @@\n");
        for (int i = 0; i < count; i++) {
            diff.append('+').append(lines[i]).append('\n');
        }
        return diff.toString();
    }
}
