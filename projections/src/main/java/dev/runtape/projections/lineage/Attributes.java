package dev.runtape.projections.lineage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Attribute maps: checked, sorted by name (so every rendering lists them alike without sorting), immutable. */
final class Attributes {

    private Attributes() {
    }

    static Map<String, Object> checked(Map<String, Object> attributes) {
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            Object value = attribute.getValue();
            if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
                throw new IllegalArgumentException("attribute " + attribute.getKey()
                        + ": expected a string, a long or a boolean, found " + value.getClass().getSimpleName());
            }
        }
        return attributes.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** {@code base} with {@code more} merged in, later values winning. */
    static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> more) {
        if (more.isEmpty()) {
            return base;
        }
        TreeMap<String, Object> merged = new TreeMap<>(base);
        merged.putAll(more);
        return Collections.unmodifiableSortedMap(merged);
    }
}
