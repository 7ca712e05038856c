package dev.runtape.ledger.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CBOR data model as Jackson trees, for reading payloads: maps with text keys become objects, byte strings binary
 * nodes. A Jackson tree cannot hold integer map keys or tags, so a payload carrying them does not convert. (Encoding
 * goes the other way without a tree: {@link JsonTokens}.)
 */
final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    static JsonNode toJson(CborValue value) throws FormatException {
        return switch (value) {
            case CborMap map -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<CborValue, CborValue> entry : map.entries().entrySet()) {
                    if (!(entry.getKey() instanceof CborTextString key)) {
                        throw new FormatException("payload: map keys must be text, found " + entry.getKey());
                    }
                    object.set(key.value(), toJson(entry.getValue()));
                }
                yield object;
            }
            case CborArray array -> {
                ArrayNode items = NODES.arrayNode(array.size());
                for (CborValue item : array.items()) {
                    items.add(toJson(item));
                }
                yield items;
            }
            case CborTextString text -> NODES.textNode(text.value());
            case CborInteger integer -> number(integer);
            case CborFloat number -> NODES.numberNode(number.value());
            case CborByteString bytes -> NODES.binaryNode(bytes.bytes());
            case CborSimple simple when simple.equals(CborSimple.TRUE) -> NODES.booleanNode(true);
            case CborSimple simple when simple.equals(CborSimple.FALSE) -> NODES.booleanNode(false);
            case CborSimple simple when simple.equals(CborSimple.NULL) -> NODES.nullNode();
            case CborSimple simple -> throw new FormatException("payload: simple value " + simple + " is not allowed");
            case CborTag tag -> throw new FormatException("payload: tags are not allowed, found tag "
                    + Long.toUnsignedString(tag.tag()));
        };
    }

    /** The narrowest node that holds the integer, as Jackson's own parsers make them, so trees compare equal. */
    private static JsonNode number(CborInteger integer) {
        if (!integer.fitsLong()) {
            return NODES.numberNode(integer.value());
        }
        long value = integer.longValueExact();
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
}
