package dev.runtape.schemas.cddl.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where in an instance a value sits, as {@code $.session.entries[3].exit-code}: built as a linked list so that
 * descending costs one small object, and rendered only when a failure is reported.
 */
final class Path {

    static final Path ROOT = new Path(null, "$");

    private final @Nullable Path parent;
    private final String segment;
    private final int depth;

    private Path(@Nullable Path parent, String segment) {
        this.parent = parent;
        this.segment = segment;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** How many items and members deep this is: 0 for the root. */
    int depth() {
        return depth;
    }

    Path index(int index) {
        return new Path(this, "[" + index + "]");
    }

    /** A map member: {@code .name} for a plain text key, {@code .<diagnostic>} for any other. */
    Path member(String renderedKey) {
        return new Path(this, "." + renderedKey);
    }

    /** Into a tag's content or an embedded CBOR item, which have no name of their own. */
    Path inside(String what) {
        return new Path(this, "<" + what + ">");
    }

    @Override
    public String toString() {
        return parent == null ? segment : parent + segment;
    }
}
