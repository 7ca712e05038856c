package dev.runtape.projections.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the last hit's sort value and id, under the sort that ordered it. Written as the base64url
 * (unpadded) of the JSON array {@code [SORT, VALUE, ID]}, e.g. {@code ["-started", 1767225600000, "traj-1"]}; the
 * same text in both engines, opaque to callers. A cursor of another sort is refused rather than misread.
 *
 * @param value the sort value: a {@code Long} for a number field, a {@code Double} for the score, a {@code String}
 *     for a keyword field
 */
public record SearchCursor(SearchSort sort, Object value, String id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SearchCursor {
        Class<?> expected = switch (sort.field().type()) {
            case LONG -> Long.class;
            case SCORE -> Double.class;
            case KEYWORD -> String.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a cursor sorted by " + sort + " holds a " + expected.getSimpleName()
                    + ", found " + value.getClass().getSimpleName());
        }
    }

    public String encode() {
        ArrayNode array = JSON.createArrayNode().add(sort.toString());
        switch (value) {
            case Long number -> array.add(number);
            case Double score -> array.add(score);
            default -> array.add((String) value);
        }
        array.add(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor that a page sorted by {@code sort} gave.
     *
     * @throws InvalidQueryException when it is not base64url of such an array, or was made under another sort
     */
    public static SearchCursor decode(String token, SearchSort sort) throws InvalidQueryException {
        JsonNode array;
        try {
            array = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidQueryException("searchAfter", "expected a cursor from a previous page, found \""
                    + token + "\", which is not one");
        }
        if (array == null || !array.isArray() || array.size() != 3 || !array.get(0).isTextual()
                || !array.get(2).isTextual()) {
            throw new InvalidQueryException("searchAfter", "expected a cursor from a previous page, found \""
                    + token + "\", which is not one");
        }
        String madeUnder = array.get(0).asText();
        if (!madeUnder.equals(sort.toString())) {
            throw new InvalidQueryException("searchAfter", "expected a cursor of a search sorted by " + sort
                    + ", found one sorted by " + madeUnder);
        }
        JsonNode value = array.get(1);
        Object decoded = switch (sort.field().type()) {
            case LONG -> value.canConvertToLong() && value.isIntegralNumber() ? value.longValue() : null;
            case SCORE -> value.isNumber() ? value.doubleValue() : null;
            case KEYWORD -> value.isTextual() ? value.asText() : null;
        };
        if (decoded == null) {
            throw new InvalidQueryException("searchAfter", "expected a cursor whose value fits the sort " + sort
                    + ", found " + value);
        }
        return new SearchCursor(sort, decoded, array.get(2).asText());
    }
}
