package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.util.List;

/** {@code a / b / c}: a value matches when one option does. */
public final class Choice extends Node {

    private final Node[] options;

    public Choice(List<Node> options) {
        this.options = options.toArray(Node[]::new);
    }

    List<Node> options() {
        return List.of(options);
    }

    @Override
    public boolean matches(CborValue value, int level) {
        for (Node option : options) {
            if (option.matches(value, level)) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean onlyMaps() {
        for (Node option : options) {
            if (!option.onlyMaps()) {
                return false;
            }
        }
        return true;
    }
}
