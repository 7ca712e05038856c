package dev.runtape.ledger.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
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

/**
 * Event payloads as CBOR maps and back: any record (or other Jackson-mappable type) goes through Jackson's tree model,
 * so event records need no hand-written mapping. The rules:
 * <ul>
 *   <li>property names in kebab-case ({@code trajectoryId} is {@code "trajectory-id"}); map keys as they are;</li>
 *   <li>a {@code null} or empty {@code Optional} property is left out;</li>
 *   <li>{@link dev.runtape.verifier.Digest} and {@code byte[]} are byte strings;</li>
 *   <li>{@link java.time.Instant} is an unsigned integer of milliseconds since the epoch, {@link java.time.Duration}
 *       one of milliseconds (events.cddl's {@code time} and {@code duration-ms});</li>
 *   <li>nested records, lists and maps nest; Jackson's annotations ({@code @JsonValue}, {@code @JsonTypeInfo}, ...)
 *       apply, so an enum names its wire value with {@code @JsonValue};</li>
 *   <li>reading refuses members the record does not have.</li>
 * </ul>
 * The result is not checked against a schema here: {@link StatementValidator} does that.
 */
public final class PayloadCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                    JsonInclude.Include.USE_DEFAULTS))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new Jdk8Module())
            .addModule(LedgerValueModule.INSTANCE)
            .build();

    private PayloadCodec() {
    }

    /**
     * The payload map of {@code payload}.
     *
     * @throws IllegalArgumentException if the object does not map to a CBOR map (it is not a record or bean, or holds
     *     a type Jackson cannot write): a programming error in the event type
     */
    public static CborMap encode(Object payload) {
        // The tokens serialisation writes are read straight into CBOR: no Jackson tree, no copy of one.
        CborValue value;
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            MAPPER.writeValue(tokens, payload);
            try (JsonParser parser = tokens.asParser()) {
                parser.nextToken();
                value = JsonTokens.toCbor(parser);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode a " + payload.getClass().getName() + " as a payload: "
                    + e.getMessage(), e);
        }
        if (!(value instanceof CborMap map)) {
            throw new IllegalArgumentException("a payload must encode as a map; a " + payload.getClass().getName()
                    + " encodes as " + kind(value));
        }
        return map;
    }

    /** A value's kind, named as Jackson names the node types. */
    private static String kind(CborValue value) {
        return switch (value) {
            case CborMap map -> "OBJECT";
            case CborArray array -> "ARRAY";
            case CborTextString text -> "STRING";
            case CborInteger integer -> "NUMBER";
            case CborFloat number -> "NUMBER";
            case CborByteString bytes -> "BINARY";
            case CborSimple simple when simple.equals(CborSimple.NULL) -> "NULL";
            case CborSimple simple -> "BOOLEAN";
            case CborTag tag -> "TAG";
        };
    }

    /**
     * The {@code type} a payload map holds.
     *
     * @throws FormatException if it holds what {@code type} cannot take: a member it does not have, a value of the
     *     wrong kind, a non-text map key, a tag
     */
    public static <T> T decode(CborValue payload, Class<T> type) throws FormatException {
        JsonNode tree = JsonTrees.toJson(payload);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new FormatException("payload: cannot read a " + type.getSimpleName() + ": " + reason, e);
        }
    }
}
