package dev.runtape.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The payload codec reads serialised tokens straight into CBOR, without a Jackson tree. Whatever a payload holds, the
 * map it makes must be the one the tree of the same payload converts to, value for value, because a producer's
 * signed payload is compared with the ledger's encoding of the same event.
 */
class PayloadEncodingPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Holder(JsonNode value, List<JsonNode> more) {
    }

    record Steps(String trajectoryId, List<Step> steps) {
    }

    @Property(tries = 400)
    void anyTreeEncodesAsItsConversionToCbor(@ForAll("trees") JsonNode value, @ForAll("trees") JsonNode other) {
        CborMap encoded = PayloadCodec.encode(new Holder(value, List.of(other, value)));

        assertThat(encoded).isEqualTo(CborMap.builder()
                .put("value", reference(value))
                .put("more", new CborArray(List.of(reference(other), reference(value))))
                .build());
    }

    @Property(tries = 200)
    void anyObjectReadsBackAsTheSameTree(@ForAll("objects") ObjectNode value) throws FormatException {
        Holder holder = new Holder(value, List.of());

        Holder read = PayloadCodec.decode(PayloadCodec.encode(holder), Holder.class);

        assertThat(PayloadCodec.encode(read)).isEqualTo(PayloadCodec.encode(holder));
    }

    @Property(tries = 200)
    void aStepEncodesAsItsMembers(@ForAll("objects") ObjectNode members, @ForAll long index) {
        members.put("index", Math.abs(index % 1_000_000));
        Step step = Step.of(members);

        CborMap encoded = PayloadCodec.encode(new Steps("t", List.of(step, step)));

        CborValue expected = reference(members);
        assertThat(encoded.get("steps")).contains(new CborArray(List.of(expected, expected)));
    }

    @Test
    void aPayloadWithAKeyWrittenTwiceIsRefused() {
        // A serialiser writing one name twice would otherwise lose a value or sign a map that is not one.
        assertThatThrownBy(() -> PayloadCodec.encode(new Twice("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map key given twice: \"name\"");
    }

    /** Writes the member "name" twice, as a careless custom serialiser could. */
    @JsonSerialize(using = TwiceSerializer.class)
    record Twice(String name) {
    }

    static final class TwiceSerializer extends JsonSerializer<Twice> {
        @Override
        public void serialize(Twice value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", value.name());
            out.writeStringField("name", value.name());
            out.writeEndObject();
        }
    }

    /** The tree's own conversion, written out plainly: what the encoder must agree with. */
    private static CborValue reference(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                CborMap.Builder map = CborMap.builder();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), reference(field.getValue()));
                }
                yield map.build();
            }
            case ARRAY -> {
                List<CborValue> items = new ArrayList<>();
                node.forEach(item -> items.add(reference(item)));
                yield new CborArray(items);
            }
            case STRING -> CborTextString.of(node.textValue());
            case NUMBER -> node.isIntegralNumber() ? new CborInteger(node.bigIntegerValue())
                    : new CborFloat(node.doubleValue());
            case BOOLEAN -> CborSimple.of(node.booleanValue());
            case NULL -> CborSimple.NULL;
            case BINARY -> new CborByteString(binary(node));
            case MISSING, POJO -> throw new AssertionError("not generated: " + node.getNodeType());
        };
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return tree(3);
    }

    @Provide
    Arbitrary<ObjectNode> objects() {
        return object(3);
    }

    private static Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(64).negate(),
                        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.floats().map(NODES::numberNode),
                Arbitraries.bigDecimals().ofScale(3).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(NODES::binaryNode));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, object(depth - 1).map(JsonNode.class::cast)),
                Tuple.of(1, array(depth - 1).map(JsonNode.class::cast)));
    }

    private static Arbitrary<ObjectNode> object(int depth) {
        // Up to 20 members: small maps and the larger ones CBOR keeps in a hash map.
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), tree(Math.max(0, depth)))
                .ofMaxSize(depth == 3 ? 20 : 5)
                .map(members -> {
                    ObjectNode object = NODES.objectNode();
                    members.forEach(object::set);
                    return object;
                });
    }

    private static Arbitrary<ArrayNode> array(int depth) {
        return tree(depth).list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }
}
