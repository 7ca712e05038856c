package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;

/** {@code #6.n(type)}, or {@code #6(type)} for any tag number: a tag whose content matches. */
public final class Tagged extends Node {

    private final boolean anyTag;
    private final long tag;
    private final Node content;
    private final LevelLimit limit;

    private Tagged(boolean anyTag, long tag, Node content, LevelLimit limit) {
        this.anyTag = anyTag;
        this.tag = tag;
        this.content = content;
        this.limit = limit;
    }

    public static Tagged number(long tag, Node content, LevelLimit limit) {
        return new Tagged(false, tag, content, limit);
    }

    public static Tagged anyNumber(Node content, LevelLimit limit) {
        return new Tagged(true, 0, content, limit);
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return value instanceof CborTag t && (anyTag || t.tag() == tag) && content.matches(t.content(), limit.next(level));
    }
}
