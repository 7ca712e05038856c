package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.syntax.Literal;
import java.math.BigDecimal;

/** A schema's literals as the CBOR values and numbers instances are compared with. */
final class Literals {

    private Literals() {
    }

    /**
     * The CBOR value a literal stands for.
     *
     * @throws IllegalArgumentException for an integer beyond CBOR's range (-2^64 to 2^64-1)
     */
    static CborValue valueOf(Literal literal) {
        return switch (literal) {
            case Literal.IntegerLiteral i -> new CborInteger(i.value());
            case Literal.FloatLiteral f -> new CborFloat(f.value());
            case Literal.TextLiteral t -> new CborTextString(t.value());
            case Literal.BytesLiteral b -> new CborByteString(b.value());
        };
    }

    /**
     * A numeric literal as an exact decimal.
     *
     * @throws IllegalArgumentException for a text or bytes literal
     */
    static BigDecimal decimal(Literal literal) {
        return switch (literal) {
            case Literal.IntegerLiteral i -> new BigDecimal(i.value());
            case Literal.FloatLiteral f -> new BigDecimal(f.value());
            default -> throw new IllegalArgumentException("not a number: " + literal);
        };
    }

    static boolean isNumber(Literal literal) {
        return literal instanceof Literal.IntegerLiteral || literal instanceof Literal.FloatLiteral;
    }
}
