package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.Set;

/** Reads typed parameters out of a header map, failing with the parameter's name, label and what was found. */
final class HeaderReader {

    private final CborMap map;
    private final String where;

    HeaderReader(CborMap map, String where) {
        this.map = map;
        this.where = where;
    }

    /** Refuses any label not in {@code allowed}: a statement header is exactly what statement.cddl lists. */
    void onlyLabels(Set<Long> allowed) throws FormatException {
        for (CborValue label : map.entries().keySet()) {
            if (!(label instanceof CborInteger i && i.fitsLong() && allowed.contains(i.longValueExact()))) {
                throw new FormatException(where + ": unexpected parameter " + label);
            }
        }
    }

    CborValue value(long label, String name) throws FormatException {
        return map.get(label).orElseThrow(() -> new FormatException(where + ": missing " + name + " (label " + label + ")"));
    }

    long integer(long label, String name) throws FormatException {
        if (value(label, name) instanceof CborInteger i && i.fitsLong()) {
            return i.longValueExact();
        }
        throw wrongType(label, name, "an integer");
    }

    long unsigned(long label, String name) throws FormatException {
        long value = integer(label, name);
        if (value < 0) {
            throw new FormatException(where + ": " + name + " (label " + label + ") must not be negative, found " + value);
        }
        return value;
    }

    String text(long label, String name) throws FormatException {
        if (value(label, name) instanceof CborTextString text) {
            return text.value();
        }
        throw wrongType(label, name, "a text string");
    }

    Digest digest(long label, String name) throws FormatException {
        if (value(label, name) instanceof CborByteString bytes && bytes.length() == Digest.LENGTH) {
            return Digest.of(bytes.bytes());
        }
        throw wrongType(label, name, "a " + Digest.LENGTH + "-byte string");
    }

    CborMap map(long label, String name) throws FormatException {
        if (value(label, name) instanceof CborMap nested) {
            return nested;
        }
        throw wrongType(label, name, "a map");
    }

    private FormatException wrongType(long label, String name, String expected) throws FormatException {
        return new FormatException(where + ": " + name + " (label " + label + ") must be " + expected + ", found "
                + value(label, name));
    }
}
