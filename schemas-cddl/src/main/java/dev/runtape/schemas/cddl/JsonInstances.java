package dev.runtape.schemas.cddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** JSON documents (Jackson trees) as CBOR data items, so that one matcher validates both. */
public final class JsonInstances {

    private JsonInstances() {
    }

    /**
     * An integer; beyond the 64-bit range of major types 0 and 1, a bignum (tag 2 or 3, RFC 8949 §3.4.3) as RFC 8949
     * §6.2 suggests, so that {@code integer} matches it and {@code int} reports it instead of the conversion failing.
     */
    private static CborValue integer(BigInteger value) {
        if (value.bitLength() <= 64) {
            return new CborInteger(value); // -2^64 .. 2^64-1: bitLength of -2^64 is 64
        }
        boolean negative = value.signum() < 0;
        BigInteger magnitude = negative ? value.negate().subtract(BigInteger.ONE) : value;
        byte[] bytes = magnitude.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return new CborTag(negative ? 3 : 2, new CborByteString(bytes));
    }

    public static CborValue toCbor(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> node.isIntegralNumber() ? integer(node.bigIntegerValue()) : new CborFloat(node.doubleValue());
            case STRING -> new CborTextString(node.textValue());
            case BOOLEAN -> CborSimple.of(node.booleanValue());
            case NULL, MISSING -> CborSimple.NULL;
            case BINARY -> {
                try {
                    yield new CborByteString(node.binaryValue());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case ARRAY -> {
                List<CborValue> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(toCbor(item)));
                yield new CborArray(items);
            }
            case OBJECT, POJO -> {
                CborMap.Builder map = CborMap.builder();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    map.put(member.getKey(), toCbor(member.getValue()));
                }
                yield map.build();
            }
        };
    }
}
