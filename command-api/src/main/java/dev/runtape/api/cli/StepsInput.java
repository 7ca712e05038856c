package dev.runtape.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps as scripts write them: one JSON array of step objects, or JSON lines, one step per line (blank lines
 * skipped). The steps are not checked here: the server checks them against steps.cddl.
 */
final class StepsInput {

    private StepsInput() {
    }

    /**
     * The steps in {@code text}.
     *
     * @throws IllegalArgumentException naming the line or item that is not a JSON object
     */
    static List<ObjectNode> parse(String text) {
        String content = text.strip();
        if (content.startsWith("[")) {
            JsonNode array = read(content, "the JSON array");
            List<ObjectNode> steps = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                steps.add(object(array.get(i), "item " + i));
            }
            return steps;
        }
        List<ObjectNode> steps = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                steps.add(object(read(lines[i], "line " + (i + 1)), "line " + (i + 1)));
            }
        }
        return steps;
    }

    private static JsonNode read(String json, String where) {
        try {
            return RuntapeClient.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode object(JsonNode node, String where) {
        if (node instanceof ObjectNode step) {
            return step;
        }
        throw new IllegalArgumentException(where + " is not a step (a JSON object): " + node);
    }
}
