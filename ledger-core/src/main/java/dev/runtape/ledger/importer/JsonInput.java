package dev.runtape.ledger.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reading a source file as JSON or JSON lines, failing with where the file broke off or what a member held instead of
 * what the format needs. Python writes NaN and Infinity into some files; they are accepted.
 */
public final class JsonInput {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /** The whole file as one JSON value. */
    public static JsonNode document(SourceFile source) throws ImportException {
        try {
            JsonNode node = JSON.readTree(source.bytes());
            if (node == null || node.isMissingNode()) {
                throw new ImportException(source.path(), "line 1", "expected a JSON value, found an empty file");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ImportException(source.path(), where(e.getLocation()), "not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImportException(source.path(), "the whole file", "cannot read it: " + e.getMessage(), e);
        }
    }

    /** One JSON value per non-blank line; each with its line number, from 1. */
    public static List<Line> lines(SourceFile source) throws ImportException {
        List<Line> lines = new ArrayList<>();
        String[] texts = source.text().split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                lines.add(new Line(i + 1, JSON.readTree(text)));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new ImportException(source.path(), "line " + (i + 1)
                        + (at == null ? "" : ", column " + at.getColumnNr()), "not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        return lines;
    }

    /** Parses a JSON text held inside a member (tool arguments, a state), or null when it is not JSON. */
    public static @Nullable JsonNode embedded(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** A member that must be text. */
    public static String text(SourceFile source, JsonNode node, String member, String at) throws ImportException {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw new ImportException(source.path(), at + "." + member, "expected text, found " + found(value));
        }
        return value.textValue();
    }

    /** A member that must be an array. */
    public static JsonNode array(SourceFile source, JsonNode node, String member, String at) throws ImportException {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw new ImportException(source.path(), at + "." + member, "expected an array, found " + found(value));
        }
        return value;
    }

    /** A member that must be an object. */
    public static JsonNode object(SourceFile source, JsonNode node, String member, String at) throws ImportException {
        JsonNode value = node.get(member);
        if (value == null || !value.isObject()) {
            throw new ImportException(source.path(), at + "." + member, "expected an object, found " + found(value));
        }
        return value;
    }

    /** A member's text, or null when it is absent, null or not text. */
    public static @Nullable String optionalText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** What a value is, for messages: "nothing", "a number", "text \"...\"". */
    public static String found(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return "text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String where(@Nullable JsonLocation at) {
        return at == null ? "the whole file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** One line of a JSON lines file. */
    public record Line(int number, JsonNode value) {

        public String at() {
            return "line " + number;
        }
    }
}
