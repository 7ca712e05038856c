package dev.runtape.projections.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One condition a hit must meet; a query's filters must all hold. */
public sealed interface SearchFilter {

    SearchField field();

    /** The keyword field has any of the values (a multi-valued field: any of its values is one of them). */
    record Terms(SearchField field, List<String> values) implements SearchFilter {

        public Terms {
            values = List.copyOf(values);
        }
    }

    /** The number field is within {@code from} to {@code to}, both inclusive; an absent bound is open. */
    record Range(SearchField field, @Nullable Long from, @Nullable Long to) implements SearchFilter {
    }

    static SearchFilter terms(SearchField field, String... values) {
        return new Terms(field, List.of(values));
    }

    static SearchFilter range(SearchField field, @Nullable Long from, @Nullable Long to) {
        return new Range(field, from, to);
    }

    /**
     * A filter as the HTTP API writes it: {@code outcome=success,failure} (any of the values) for a keyword field,
     * {@code duration_ms=1000..60000}, {@code steps=10..} or {@code started=..1767225600000} for a number field.
     *
     * @throws InvalidQueryException naming the field, when it is unknown or the value does not fit its type
     */
    static SearchFilter parse(String name, String value) throws InvalidQueryException {
        String where = "filter \"" + name + "\"";
        SearchField field = SearchField.named(where, name);
        return switch (field.type()) {
            case KEYWORD -> new Terms(field, List.of(value.split(",", -1)));
            case LONG -> {
                int dots = value.indexOf("..");
                if (dots < 0) {
                    yield new Range(field, number(where, value), number(where, value));
                }
                String from = value.substring(0, dots);
                String to = value.substring(dots + 2);
                yield new Range(field, from.isEmpty() ? null : number(where, from), to.isEmpty() ? null
                        : number(where, to));
            }
            case SCORE -> throw new InvalidQueryException(where, "expected a field to filter on, found the score");
        };
    }

    private static long number(String where, String text) throws InvalidQueryException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(where, "expected a whole number or a range FROM..TO, found \"" + text
                    + "\"");
        }
    }
}
