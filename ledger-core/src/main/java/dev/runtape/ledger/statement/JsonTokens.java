package dev.runtape.ledger.statement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Jackson's token stream, as serialising a value writes it, read straight into the CBOR data model: the same values
 * the tree of the same tokens converts to, member for member, without building the tree first. It is the append
 * path's encoder, where the tree and its copies cost as much as the schema check.
 *
 * <p>Objects are maps with text keys (a key written twice is refused), integers keep their exact value, other numbers
 * are doubles, and binary values byte strings. Any other embedded object is refused, as the tree's POJO node is.
 */
final class JsonTokens {

    /** Maps up to this size are collected in arrays and checked for repeated keys by comparing them. */
    private static final int SCANNED_KEYS = 16;

    private JsonTokens() {
    }

    /** The value that starts at the parser's current token; leaves the parser on that value's last token. */
    static CborValue toCbor(JsonParser tokens) throws IOException {
        JsonToken token = tokens.currentToken();
        if (token == null) {
            throw new IllegalArgumentException("a payload cannot be empty");
        }
        return switch (token) {
            case START_OBJECT -> map(tokens);
            case START_ARRAY -> array(tokens);
            case VALUE_STRING -> CborTextString.of(tokens.getText());
            case VALUE_NUMBER_INT -> tokens.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new CborInteger(tokens.getBigIntegerValue())
                    : CborInteger.of(tokens.getLongValue());
            case VALUE_NUMBER_FLOAT -> new CborFloat(tokens.getDoubleValue());
            case VALUE_TRUE -> CborSimple.TRUE;
            case VALUE_FALSE -> CborSimple.FALSE;
            case VALUE_NULL -> CborSimple.NULL;
            case VALUE_EMBEDDED_OBJECT -> embedded(tokens.getEmbeddedObject());
            case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE -> throw new IllegalArgumentException(
                    "a payload value cannot start with " + token);
        };
    }

    private static CborValue map(JsonParser tokens) throws IOException {
        List<CborValue> keys = new ArrayList<>();
        List<CborValue> values = new ArrayList<>();
        for (JsonToken token = tokens.nextToken(); token != JsonToken.END_OBJECT; token = tokens.nextToken()) {
            keys.add(CborTextString.of(tokens.currentName()));
            tokens.nextToken();
            values.add(toCbor(tokens));
        }
        if (keys.size() > SCANNED_KEYS) {
            Map<CborValue, CborValue> entries = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (entries.putIfAbsent(keys.get(i), values.get(i)) != null) {
                    throw new IllegalArgumentException("map key given twice: " + keys.get(i));
                }
            }
            return new CborMap(entries);
        }
        for (int i = 1; i < keys.size(); i++) {
            if (keys.subList(0, i).contains(keys.get(i))) {
                throw new IllegalArgumentException("map key given twice: " + keys.get(i));
            }
        }
        // CborMap copies what it is given; an array view spares hashing every key of a small map only to copy it.
        return new CborMap(new Entries(keys.toArray(CborValue[]::new), values.toArray(CborValue[]::new)));
    }

    private static CborValue array(JsonParser tokens) throws IOException {
        List<CborValue> items = new ArrayList<>();
        for (JsonToken token = tokens.nextToken(); token != JsonToken.END_ARRAY; token = tokens.nextToken()) {
            items.add(toCbor(tokens));
        }
        return new CborArray(items);
    }

    private static CborValue embedded(Object value) {
        if (value instanceof byte[] bytes) {
            return new CborByteString(bytes);
        }
        throw new IllegalArgumentException("a payload cannot hold an embedded "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** Distinct keys and their values, in order, as a read-only map that is only ever iterated (by CborMap's copy). */
    private static final class Entries extends AbstractMap<CborValue, CborValue> {

        private final CborValue[] keys;
        private final CborValue[] values;

        Entries(CborValue[] keys, CborValue[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<CborValue, CborValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return keys.length;
                }

                @Override
                public Iterator<Map.Entry<CborValue, CborValue>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<CborValue, CborValue> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<CborValue, CborValue> entry = Map.entry(keys[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }
            };
        }

        @Override
        public String toString() {
            return Arrays.toString(keys);
        }
    }
}
