package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.math.BigDecimal;

/** {@code target .lt n}, {@code .le}, {@code .gt}, {@code .ge}: a number (integer or float) compared with n. */
public final class Compare extends Node {

    /** The comparisons, by their control operators' names. */
    public enum Operator {
        LT, LE, GT, GE
    }

    private final Node target;
    private final BigDecimal bound;
    private final Operator operator;

    public Compare(Node target, BigDecimal bound, Operator operator) {
        this.target = target;
        this.bound = bound;
        this.operator = operator;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!target.matches(value, level)) {
            return false;
        }
        BigDecimal number = Numbers.of(value);
        if (number == null) {
            return false;
        }
        int order = number.compareTo(bound);
        return switch (operator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }
}
