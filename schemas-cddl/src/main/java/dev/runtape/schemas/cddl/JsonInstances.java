package dev.runtape.schemas.cddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON documents (Jackson trees) as CBOR data items, so that one matcher validates both. */
public final class JsonInstances {

    private JsonInstances() {
    }

    public static CborValue toCbor(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> node.isIntegralNumber() ? new CborInteger(node.bigIntegerValue()) : new CborFloat(node.doubleValue());
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
