package dev.runtape.schemas.cddl.syntax;

import java.util.Optional;

/**
 * One entry of a group: an occurrence, an optional member key, and a type. An entry without a key whose type names a
 * group, or is a parenthesized group, splices that group in; the schema decides which names are groups.
 */
public record GroupEntry(Position position, Occurrence occurrence, Optional<MemberKey> key, TypeExpr value) {

    /** {@code key => value}, {@code bareword: value} or {@code literal: value}. Keys given with ':' or '^' cut. */
    public record MemberKey(TypeExpr type, boolean cut) {
    }
}
