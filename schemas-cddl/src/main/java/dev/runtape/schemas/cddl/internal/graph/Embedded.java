package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;

/**
 * {@code target .cbor type} and {@code target .cborseq type}: a byte string holding one well-formed CBOR data item
 * (or a sequence of them, matched as an array) that matches the controller.
 */
public final class Embedded extends Node {

    private final Node target;
    private final Node controller;
    private final boolean sequence;
    private final LevelLimit limit;

    public Embedded(Node target, Node controller, boolean sequence, LevelLimit limit) {
        this.target = target;
        this.controller = controller;
        this.sequence = sequence;
        this.limit = limit;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!target.matches(value, level) || !(value instanceof CborByteString bytes)) {
            return false;
        }
        CborValue embedded;
        try {
            embedded = sequence
                    ? new CborArray(CborDecoder.decodeSequence(bytes, CborProfile.WELL_FORMED))
                    : CborDecoder.decode(bytes, CborProfile.WELL_FORMED);
        } catch (CborException e) {
            return false;
        }
        return controller.matches(embedded, limit.next(level));
    }
}
