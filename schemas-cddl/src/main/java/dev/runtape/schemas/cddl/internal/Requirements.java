package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a map type demands of every map it matches: members under literal keys that it requires, some with a literal
 * value (a discriminator such as {@code "kind": "message"}). A map that lacks one of them cannot match, which a few
 * hash lookups tell; a choice among many map types skips those on its way to the one that matches.
 */
record Requirements(List<CborValue> keys, List<@Nullable CborValue> values) {

    static final Requirements NONE = new Requirements(List.of(), List.of());

    Requirements {
        keys = List.copyOf(keys);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** False only when {@code map} certainly does not match. */
    boolean admit(CborMap map) {
        for (int i = 0; i < keys.size(); i++) {
            CborValue member = map.entries().get(keys.get(i));
            if (member == null) {
                return false;
            }
            CborValue wanted = values.get(i);
            if (wanted != null && !wanted.equals(member)) {
                return false;
            }
        }
        return true;
    }
}
