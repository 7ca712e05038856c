package dev.runtape.projections.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A field of the index that a query may name, by the name the HTTP API uses ({@code outcome}, {@code steps_command}).
 * What a field allows follows its type: a keyword is filtered by value and faceted, a number by range; only the
 * single-valued fields every document has (and the numbers, missing values last) sort.
 *
 * @param name the field's name in queries and in both engines' indexes
 * @param type what its values are
 * @param sortable whether a search may sort on it
 */
public record SearchField(String name, Type type, boolean sortable) {

    /** What a field's values are. */
    public enum Type {
        /** Exact values, filtered by any of several and counted in facets. */
        KEYWORD,
        /** Whole numbers (epoch milliseconds, counts), filtered by an inclusive range. */
        LONG,
        /** The relevance of a hit to the free text: sorts, never filters. */
        SCORE
    }

    /** The step kinds of steps.cddl, each counted in a field {@code steps_KIND}. */
    public static final List<String> STEP_KINDS = List.of("message", "reasoning", "tool-call", "tool-result",
            "system-event", "command", "file-read", "file-edit", "test-run", "browser-action", "ui-input");

    public static final SearchField SCORE = new SearchField("score", Type.SCORE, true);
    public static final SearchField ID = new SearchField("id", Type.KEYWORD, false);
    public static final SearchField TENANT = new SearchField("tenant", Type.KEYWORD, false);
    public static final SearchField TASK = new SearchField("task", Type.KEYWORD, true);
    public static final SearchField TASK_FAMILY = new SearchField("task_family", Type.KEYWORD, true);
    public static final SearchField SOURCE_FORMAT = new SearchField("source_format", Type.KEYWORD, true);
    public static final SearchField OUTCOME = new SearchField("outcome", Type.KEYWORD, true);
    public static final SearchField QA_STATUS = new SearchField("qa_status", Type.KEYWORD, true);
    public static final SearchField LABEL = new SearchField("label", Type.KEYWORD, false);
    public static final SearchField OPERATOR = new SearchField("operator", Type.KEYWORD, false);
    public static final SearchField AGENT = new SearchField("agent", Type.KEYWORD, false);
    public static final SearchField MODEL = new SearchField("model", Type.KEYWORD, false);
    public static final SearchField REPOSITORY = new SearchField("repository", Type.KEYWORD, false);
    public static final SearchField TOOL = new SearchField("tool", Type.KEYWORD, false);
    public static final SearchField STARTED = new SearchField("started", Type.LONG, true);
    public static final SearchField DURATION = new SearchField("duration_ms", Type.LONG, true);
    public static final SearchField STEPS = new SearchField("steps", Type.LONG, true);

    private static final Map<String, SearchField> BY_NAME = byName();

    /** Every field, keywords first, then numbers, then the step counts. */
    public static List<SearchField> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The keyword fields: those a filter may list values of and a facet may count. */
    public static List<SearchField> keywords() {
        return BY_NAME.values().stream().filter(field -> field.type == Type.KEYWORD).toList();
    }

    /** The number fields: those a range may filter. */
    public static List<SearchField> numbers() {
        return BY_NAME.values().stream().filter(field -> field.type == Type.LONG).toList();
    }

    /** The field counting the steps of one kind, e.g. {@code steps_command}. */
    public static SearchField stepCount(String kind) {
        if (!STEP_KINDS.contains(kind)) {
            throw new IllegalArgumentException("expected a step kind of steps.cddl, found \"" + kind + "\"");
        }
        return BY_NAME.get("steps_" + kind);
    }

    /**
     * The field a query names.
     *
     * @throws InvalidQueryException naming every field there is, when there is none of that name
     */
    public static SearchField named(String where, String name) throws InvalidQueryException {
        SearchField field = BY_NAME.get(name);
        if (field == null) {
            throw new InvalidQueryException(where, "expected one of " + String.join(", ", BY_NAME.keySet())
                    + ", found \"" + name + "\"");
        }
        return field;
    }

    private static Map<String, SearchField> byName() {
        Map<String, SearchField> fields = new LinkedHashMap<>();
        for (SearchField field : List.of(SCORE, ID, TENANT, TASK, TASK_FAMILY, SOURCE_FORMAT, OUTCOME, QA_STATUS,
                LABEL, OPERATOR, AGENT, MODEL, REPOSITORY, TOOL, STARTED, DURATION, STEPS)) {
            fields.put(field.name, field);
        }
        for (String kind : STEP_KINDS) {
            fields.put("steps_" + kind, new SearchField("steps_" + kind, Type.LONG, true));
        }
        return fields;
    }

    @Override
    public String toString() {
        return name;
    }

    static String names(List<SearchField> fields) {
        return fields.stream().map(SearchField::name).collect(Collectors.joining(", "));
    }
}
