package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.util.regex.Pattern;

/** {@code target .regexp "pattern"}: a text the whole of which the pattern matches. */
public final class Regexp extends Node {

    private final Node target;
    private final Pattern pattern;

    public Regexp(Node target, Pattern pattern) {
        this.target = target;
        this.pattern = pattern;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return target.matches(value, level) && value instanceof CborTextString text
                && pattern.matcher(text.value()).matches();
    }
}
