package dev.runtape.schemas.cddl.syntax;

import java.util.List;
import java.util.OptionalLong;

/** A CDDL type expression. */
public sealed interface TypeExpr {

    Position position();

    /** {@code a / b / c}. */
    record Choice(Position position, List<TypeExpr> options) implements TypeExpr {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** A literal value: the type holding that one value. */
    record Value(Position position, Literal literal) implements TypeExpr {
    }

    /** A type or group name, with generic arguments if any. */
    record Name(Position position, String name, List<TypeExpr> arguments) implements TypeExpr {
        public Name {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code { group }}. */
    record MapOf(Position position, GroupExpr group) implements TypeExpr {
    }

    /** {@code [ group ]}. */
    record ArrayOf(Position position, GroupExpr group) implements TypeExpr {
    }

    /** {@code ( ... )}: a parenthesized type, or an inline group where a group entry stands. */
    record Parenthesized(Position position, GroupExpr group) implements TypeExpr {
    }

    /** {@code ~name}: the group inside the map or array that {@code name} is, or the content of its tag. */
    record Unwrap(Position position, Name name) implements TypeExpr {
    }

    /** {@code &( group )} or {@code &name}: the choice of the values of the group's entries. */
    record Enumeration(Position position, TypeExpr group) implements TypeExpr {
    }

    /**
     * {@code #6.n(type)}, {@code #6(type)}, {@code #n.m}, {@code #n} or {@code #}: a data item of a major type,
     * optionally with an argument (a tag number for major type 6), and for tags a content type.
     */
    record MajorType(Position position, OptionalLong majorType, OptionalLong argument, TypeExpr content)
            implements TypeExpr {
    }

    /** {@code low .. high} (inclusive) or {@code low ... high} (high excluded). */
    record Range(Position position, TypeExpr low, TypeExpr high, boolean inclusive) implements TypeExpr {
    }

    /** {@code target .op controller}. */
    record Control(Position position, TypeExpr target, String operator, TypeExpr controller) implements TypeExpr {
    }

    /** The type that matches any data item; stands for a missing tag content. */
    static TypeExpr any(Position position) {
        return new Name(position, "any", List.of());
    }
}
