package dev.runtape.api.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps every path appends: commands with their output, as a capture agent records them (about 300 bytes of
 * contents each, every content a disclosure).
 */
final class BenchSteps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String STDOUT = "=".repeat(29) + " test session starts " + "=".repeat(30) + "\n"
            + "collected 12 items\n\ntests/test_parser.py ........F...                                   [100%]\n"
            + "FAILED tests/test_parser.py::test_nested_quotes - AssertionError: expected '\"a\"'\n";

    private BenchSteps() {
    }

    static ObjectNode step(long index) {
        ObjectNode step = NODES.objectNode();
        step.put("kind", "command");
        step.put("index", index);
        step.put("command", "python -m pytest -q tests/test_parser.py");
        step.put("exit-code", 1);
        step.put("stdout", STDOUT);
        return step;
    }

    static ArrayNode steps(long firstIndex, int count) {
        ArrayNode steps = NODES.arrayNode(count);
        for (int i = 0; i < count; i++) {
            steps.add(step(firstIndex + i));
        }
        return steps;
    }
}
