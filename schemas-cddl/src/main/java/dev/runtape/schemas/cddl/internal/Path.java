package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborValue;
import org.jspecify.annotations.Nullable;

/**
 * Where in an instance a value sits, as {@code $.session.entries[3].exit-code}: built as a linked list so that
 * descending costs one small object, and rendered (keys put into words) only when a failure is reported.
 */
final class Path {

    static final Path ROOT = new Path(null, null, -1, 0);

    private final @Nullable Path parent;
    private final @Nullable CborValue key;
    private final int index;
    private final int depth;

    private Path(@Nullable Path parent, @Nullable CborValue key, int index, int depth) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.depth = depth;
    }

    /** How many items and members deep this is: 0 for the root. */
    int depth() {
        return depth;
    }

    /** An array item. */
    Path index(int index) {
        return new Path(this, null, index, depth + 1);
    }

    /** A map member: {@code .name} for a plain text key, {@code .<diagnostic>} for any other. */
    Path member(CborValue key) {
        return new Path(this, key, -1, depth + 1);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        return parent + (key != null ? "." + Describe.key(key) : "[" + index + "]");
    }
}
