package dev.runtape.schemas.cddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * Test shorthands: compile a schema and validate instances against one rule, with failures as {@code path: message}
 * strings; CBOR values written tersely ({@code map(1, "x")}, {@code arr(1, "a")}, {@code tag(1, 0)}).
 */
final class Cddl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cddl() {
    }

    /** A validator of {@code rule} in a schema compiled from {@code source}; the source must compile. */
    static Checker rule(String rule, String source) {
        try {
            return new Checker(Schema.compile("test.cddl", source).validator(rule));
        } catch (SchemaException e) {
            throw new AssertionError("the test schema does not compile:\n" + e.getMessage(), e);
        }
    }

    /** A validator of the type {@code type}, as the rule {@code t = type} with {@code more} rules after it. */
    static Checker type(String type, String... more) {
        return rule("t", "t = " + type + "\n" + String.join("\n", more));
    }

    /** The problems {@code source} does not compile for, as {@code source:line:col: message}. */
    static String compileError(String source) {
        try {
            Schema.compile("test.cddl", source);
        } catch (SchemaException e) {
            return e.getMessage();
        }
        throw new AssertionError("compiled:\n" + source);
    }

    /** Validates instances given as CBOR values, JSON text ({@link #json}) or Java shorthands ({@link #cbor}). */
    record Checker(Validator validator) {

        /** The failures of a CBOR instance; empty when valid. */
        List<String> failures(Object instance) {
            ValidationResult result = validator.validate(cbor(instance));
            List<String> failures = result.failures().stream().map(Failure::toString).toList();
            if (result.isValid() != failures.isEmpty()) {
                throw new AssertionError("isValid() disagrees with failures(): " + failures);
            }
            return failures;
        }

        /** The failures of a JSON instance; empty when valid. */
        List<String> jsonFailures(String json) {
            return validator.validate(json(json)).failures().stream().map(Failure::toString).toList();
        }

        boolean accepts(Object instance) {
            return failures(instance).isEmpty();
        }

        boolean acceptsJson(String json) {
            return jsonFailures(json).isEmpty();
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- CBOR shorthands ------------------------------------------------------------------------------------

    /**
     * A CBOR value from a Java shorthand: integers and BigIntegers, doubles (floats), Strings (text), byte arrays,
     * Booleans, {@code null}, or a {@link CborValue} as is.
     */
    static CborValue cbor(Object value) {
        return switch (value) {
            case null -> CborSimple.NULL;
            case CborValue v -> v;
            case Integer i -> CborInteger.of(i);
            case Long l -> CborInteger.of(l);
            case BigInteger b -> new CborInteger(b);
            case Double d -> new CborFloat(d);
            case String s -> new CborTextString(s);
            case byte[] b -> new CborByteString(b);
            case Boolean b -> CborSimple.of(b);
            default -> throw new IllegalArgumentException("no CBOR shorthand for " + value.getClass());
        };
    }

    static CborArray arr(Object... items) {
        return new CborArray(java.util.Arrays.stream(items).map(Cddl::cbor).toList());
    }

    /** A map of alternating keys and values. */
    static CborMap map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map needs keys and values in pairs");
        }
        CborMap.Builder builder = CborMap.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put(cbor(keysAndValues[i]), cbor(keysAndValues[i + 1]));
        }
        return builder.build();
    }

    static CborTag tag(long number, Object content) {
        return new CborTag(number, cbor(content));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static CborByteString bytes(String hex) {
        return new CborByteString(hex(hex));
    }

    /** A byte string holding the deterministic encoding of {@code value}. */
    static CborByteString encoded(Object value) {
        return new CborByteString(cbor(value).encode());
    }

    static CborSimple simple(int value) {
        return new CborSimple(value);
    }
}
