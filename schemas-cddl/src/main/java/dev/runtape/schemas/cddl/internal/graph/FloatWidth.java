package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborValue;

/** {@code #7.25}, {@code #7.26}: a float that half or single precision holds exactly (NaN and infinities too). */
public final class FloatWidth extends Node {

    private final int width;

    public FloatWidth(int width) {
        if (width != 25 && width != 26) {
            throw new IllegalArgumentException("not a narrower float's additional information: " + width);
        }
        this.width = width;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborFloat f)) {
            return false;
        }
        double v = f.value();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return true;
        }
        return width == 25 ? Float.float16ToFloat(Float.floatToFloat16((float) v)) == v : (double) (float) v == v;
    }
}
