package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a map type certainly requires of a map: members under literal keys, some with a literal value (a
 * discriminator such as {@code "kind": "message"}). A map without one of them cannot match: a choice among map
 * types ({@link MapChoice}) tries only the types whose requirements a map's members could meet.
 */
record MapGuard(List<Required> members) {

    MapGuard {
        members = List.copyOf(members);
    }

    /** A member the map must have, with the one value it must hold if there is one. */
    record Required(CborValue key, @Nullable CborValue value) {
    }
}
