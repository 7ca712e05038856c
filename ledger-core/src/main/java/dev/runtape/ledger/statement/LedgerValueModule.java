package dev.runtape.ledger.statement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * How payloads write the values Jackson has no CBOR-minded form for: a {@link Digest} as a byte string, an
 * {@link Instant} and a {@link Duration} as whole milliseconds. Reading takes exactly those forms and nothing looser
 * (no base64 text for a digest, no ISO text for a time).
 */
final class LedgerValueModule extends SimpleModule {

    static final LedgerValueModule INSTANCE = new LedgerValueModule();

    private LedgerValueModule() {
        super("runtape-payload-values");
        addSerializer(Digest.class, new JsonSerializer<>() {
            @Override
            public void serialize(Digest digest, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeBinary(digest.bytes());
            }
        });
        addDeserializer(Digest.class, new JsonDeserializer<>() {
            @Override
            public Digest deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (in.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
                    return (Digest) context.handleUnexpectedToken(Digest.class, in);
                }
                try {
                    return Digest.of(in.getBinaryValue());
                } catch (FormatException e) {
                    return context.reportInputMismatch(Digest.class, "%s", e.getMessage());
                }
            }
        });
        addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant time, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeNumber(time.toEpochMilli());
            }
        });
        addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Instant.ofEpochMilli(millis(in, context, Instant.class));
            }
        });
        addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration duration, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeNumber(duration.toMillis());
            }
        });
        addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Duration.ofMillis(millis(in, context, Duration.class));
            }
        });
    }

    private static long millis(JsonParser in, DeserializationContext context, Class<?> type) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_NUMBER_INT || in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            context.handleUnexpectedToken(type, in);
            throw new IllegalStateException("handleUnexpectedToken returns only by throwing");
        }
        return in.getLongValue();
    }
}
