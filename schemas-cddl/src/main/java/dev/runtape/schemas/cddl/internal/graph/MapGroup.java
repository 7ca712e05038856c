package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.util.List;

/**
 * The group inside a map, compiled: its choices ({@code //}), each a list of members in the order they are matched
 * (literal keys, then spliced groups, then type keys, required before optional).
 */
public record MapGroup(List<List<Member>> choices) {

    public MapGroup {
        choices = choices.stream().map(List::copyOf).toList();
    }

    /** One entry of a map's group. */
    public sealed interface Member {
    }

    /**
     * {@code "name": type}, {@code 1 => type}: the member under one key. A key given with {@code :} or {@code ^}
     * cuts: once the key is there, a wrong value fails the map; otherwise another entry may take the member.
     */
    public record Literal(CborValue key, Node value, boolean cut, long min) implements Member {
    }

    /** {@code * tstr => any}: the members whose keys match a type, between min and max of them. */
    public record Typed(Node key, Node value, boolean cut, long min, long max) implements Member {
    }

    /** A group spliced in, between min and max times. */
    public record Spliced(MapGroup group, long min, long max) implements Member {
    }

    /** An entry without a key that is no group: it cannot match a member, so the choice it is in fails. */
    public record Keyless() implements Member {
    }
}
