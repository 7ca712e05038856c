package dev.runtape.schemas.cddl.syntax;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/** A literal value in a schema: an integer, a float, a text string or a byte string. */
public sealed interface Literal {

    record IntegerLiteral(BigInteger value) implements Literal {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    record FloatLiteral(double value) implements Literal {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    record TextLiteral(String value) implements Literal {
        /** As CDDL writes it: quoted, with quotes, backslashes and control characters escaped. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("\"");
            value.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x7f) {
                            out.append(String.format("\\u%04x", c));
                        } else {
                            out.appendCodePoint(c);
                        }
                    }
                }
            });
            return out.append('"').toString();
        }
    }

    record BytesLiteral(byte[] value) implements Literal {
        public BytesLiteral {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BytesLiteral that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "h'" + HexFormat.of().formatHex(value) + "'";
        }
    }
}
