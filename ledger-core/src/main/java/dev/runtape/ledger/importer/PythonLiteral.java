package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads a Python literal as Python's {@code repr} writes it ({@code [{'id': 'call_1', 'n': None}]}) into JSON: some
 * formats (SWE-agent 1.x) store tool calls and states that way inside their JSON. Strings, numbers, True, False,
 * None, lists, tuples and dicts with string keys; nothing else.
 */
public final class PythonLiteral {

    private final String text;
    private int at;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** The literal as JSON, or empty when the text is not a literal this reader knows. */
    public static Optional<JsonNode> parse(String text) {
        PythonLiteral reader = new PythonLiteral(text);
        try {
            JsonNode value = reader.value();
            reader.skipSpace();
            return reader.at == text.length() ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException notALiteral) {
            return Optional.empty();
        }
    }

    private JsonNode value() {
        skipSpace();
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> dict();
            case '[', '(' -> list(c == '[' ? ']' : ')');
            case '\'', '"' -> JsonNodeFactory.instance.textNode(string());
            default -> word();
        };
    }

    private ObjectNode dict() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        at++;
        skipSpace();
        while (text.charAt(at) != '}') {
            JsonNode key = value();
            if (!key.isTextual()) {
                throw new IllegalArgumentException("a dict key that is not a string");
            }
            skipSpace();
            expect(':');
            node.set(key.textValue(), value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
                skipSpace();
            }
        }
        at++;
        return node;
    }

    private ArrayNode list(char close) {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        at++;
        skipSpace();
        while (text.charAt(at) != close) {
            node.add(value());
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
                skipSpace();
            }
        }
        at++;
        return node;
    }

    private String string() {
        char quote = text.charAt(at++);
        StringBuilder out = new StringBuilder();
        while (text.charAt(at) != quote) {
            char c = text.charAt(at++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 2), 16));
                    at += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped); // \\, \', \" stand for themselves
            }
        }
        at++;
        return out.toString();
    }

    private JsonNode word() {
        int start = at;
        while (at < text.length() && "{}[](),:'\" \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (word) {
            case "True" -> nodes.booleanNode(true);
            case "False" -> nodes.booleanNode(false);
            case "None" -> nodes.nullNode();
            default -> number(word);
        };
    }

    private static JsonNode number(String word) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(word));
        } catch (NumberFormatException notInteger) {
            return JsonNodeFactory.instance.numberNode(Double.parseDouble(word));
        }
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
