package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.SerializableString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Member names as JSON fragments ({@code "name":}), made once: the few attribute names the builder gives repeat on
 * tens of thousands of nodes in a large answer. Keeps each name it is asked for (a closed set: the builder's).
 */
final class EncodedNames {

    private final Map<String, SerializableString> names = new ConcurrentHashMap<>();
    private final UnaryOperator<String> naming;

    /** Names as they are written: {@code naming} turns an attribute's name into its member name. */
    EncodedNames(UnaryOperator<String> naming) {
        this.naming = naming;
    }

    SerializableString of(String attribute) {
        return names.computeIfAbsent(attribute, name -> JsonFragments.of(JsonFragments.quoted(naming.apply(name))
                + ':'));
    }
}
