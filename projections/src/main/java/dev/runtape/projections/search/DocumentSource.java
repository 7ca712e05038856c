package dev.runtape.projections.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document as the JSON object both engines keep of it (Lucene in a stored field, Elasticsearch as {@code _source}),
 * by the field names of {@link SearchField}, so a document read back is the document written: what redaction and
 * upserts rewrite. The text is {@code parts}, a list of {@code {"step": N, "text": "..."}}.
 */
public final class DocumentSource {

    public static final String PARTS = "parts";

    private DocumentSource() {
    }

    public static Map<String, Object> toMap(TrajectoryDocument document) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SearchField.TENANT.name(), document.tenant());
        map.put(SearchField.ID.name(), document.id());
        map.put(SearchField.TASK.name(), document.task());
        map.put(SearchField.TASK_FAMILY.name(), document.taskFamily());
        map.put(SearchField.SOURCE_FORMAT.name(), document.sourceFormat());
        map.put(SearchField.OUTCOME.name(), document.outcome());
        map.put(SearchField.QA_STATUS.name(), document.qaStatus());
        map.put(SearchField.LABEL.name(), document.labels());
        putIfPresent(map, SearchField.OPERATOR, document.operator());
        putIfPresent(map, SearchField.AGENT, document.agent());
        putIfPresent(map, SearchField.MODEL, document.model());
        putIfPresent(map, SearchField.REPOSITORY, document.repository());
        map.put(SearchField.TOOL.name(), document.tools());
        putIfPresent(map, SearchField.STARTED, document.started() == null ? null
                : document.started().toEpochMilli());
        putIfPresent(map, SearchField.DURATION, document.durationMs());
        map.put(SearchField.STEPS.name(), document.steps());
        // Every kind's count, zero too, so "no commands" is a value both engines filter and sort the same way.
        for (String kind : SearchField.STEP_KINDS) {
            map.put("steps_" + kind, document.stepCounts().getOrDefault(kind, 0L));
        }
        document.stepCounts().forEach((kind, count) -> map.putIfAbsent("steps_" + kind, count));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (TrajectoryDocument.TextPart part : document.text()) {
            parts.add(Map.of("step", part.step(), "text", part.text()));
        }
        map.put(PARTS, parts);
        return map;
    }

    /**
     * The document a map written by {@link #toMap} holds.
     *
     * @throws SearchException when the map is not one (an index written by something else)
     */
    public static TrajectoryDocument fromMap(Map<?, ?> map) throws SearchException {
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.startsWith("steps_") && ((Number) entry.getValue()).longValue() > 0) {
                    counts.put(key.substring("steps_".length()), ((Number) entry.getValue()).longValue());
                }
            }
            List<TrajectoryDocument.TextPart> parts = new ArrayList<>();
            for (Object part : (List<?>) map.get(PARTS)) {
                Map<?, ?> fields = (Map<?, ?>) part;
                parts.add(new TrajectoryDocument.TextPart(((Number) fields.get("step")).longValue(),
                        (String) fields.get("text")));
            }
            Number started = (Number) map.get(SearchField.STARTED.name());
            Number duration = (Number) map.get(SearchField.DURATION.name());
            return new TrajectoryDocument(text(map, SearchField.TENANT), text(map, SearchField.ID),
                    text(map, SearchField.TASK), text(map, SearchField.TASK_FAMILY),
                    text(map, SearchField.SOURCE_FORMAT), text(map, SearchField.OUTCOME),
                    text(map, SearchField.QA_STATUS), texts(map, SearchField.LABEL),
                    (String) map.get(SearchField.OPERATOR.name()), (String) map.get(SearchField.AGENT.name()),
                    (String) map.get(SearchField.MODEL.name()), (String) map.get(SearchField.REPOSITORY.name()),
                    texts(map, SearchField.TOOL), started == null ? null : Instant.ofEpochMilli(started.longValue()),
                    duration == null ? null : duration.longValue(), counts, parts);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new SearchException("a stored document: expected one the search port wrote, found " + map.keySet()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, SearchField field, @Nullable Object value) {
        if (value != null) {
            map.put(field.name(), value);
        }
    }

    private static String text(Map<?, ?> map, SearchField field) {
        Object value = map.get(field.name());
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(field.name() + " is " + value);
        }
        return text;
    }

    private static List<String> texts(Map<?, ?> map, SearchField field) {
        return ((List<?>) map.get(field.name())).stream().map(String.class::cast).toList();
    }
}
