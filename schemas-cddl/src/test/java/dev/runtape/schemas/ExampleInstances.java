package dev.runtape.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.JsonInstances;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Example instances written as JSON, where a text of the form {@code h'..'} stands for a byte string. */
public final class ExampleInstances {

    private ExampleInstances() {
    }

    public static CborValue toCbor(JsonNode node) {
        if (node instanceof TextNode text && text.textValue().startsWith("h'") && text.textValue().endsWith("'")) {
            String hex = text.textValue();
            return new CborByteString(HexFormat.of().parseHex(hex.substring(2, hex.length() - 1)));
        }
        if (node.isArray()) {
            List<CborValue> items = new ArrayList<>();
            node.forEach(item -> items.add(toCbor(item)));
            return new CborArray(items);
        }
        if (node.isObject()) {
            CborMap.Builder map = CborMap.builder();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                map.put(member.getKey(), toCbor(member.getValue()));
            }
            return map.build();
        }
        return JsonInstances.toCbor(node);
    }
}
