package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;

/** {@code target .and controller}, {@code target .within controller}: a value that matches both. */
public final class Both extends Node {

    private final Node target;
    private final Node controller;

    public Both(Node target, Node controller) {
        this.target = target;
        this.controller = controller;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return target.matches(value, level) && controller.matches(value, level);
    }

    @Override
    boolean onlyMaps() {
        return target.onlyMaps() || controller.onlyMaps();
    }
}
