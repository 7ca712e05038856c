package dev.runtape.schemas.cddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.testing.SharedFiles;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random CBOR data items: {@code any} takes them all, and no schema's validator throws on them. */
class RandomInstancesPropertyTest {

    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(64).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static Validator any;
    private static List<Validator> rich;

    @BeforeContainer
    static void compile() throws SchemaException {
        any = Schema.compile("any.cddl", "root = any").validator("root");
        Schema agent = Schema.compile("agent.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
        Schema features = Schema.compile("features.cddl", """
                root = [* item] / {* label => item} / item
                item = int / tstr .size (0..4) / bstr .cbor root / #6.1(number) / [+ (int, ? tstr)] / tree
                     / uint .bits (0..7) / tstr .regexp "[a-z]*" / float .lt 1.5 / bstr .cborseq [* int]
                     / {? a: int, ? "b" => tstr, * int => any} / &(x: 1, y: 2) / ~wrapped / pair<int, bool>
                label = tstr / int
                tree = [* tree]
                wrapped = #6.24(bstr)
                pair<a, b> = [a, b]
                """);
        rich = List.of(agent.validator("start"), agent.validator("signed-agent-record"), features.validator("root"));
    }

    @Property(tries = 200)
    void anyAcceptsEveryDataItem(@ForAll("values") CborValue value) {
        assertThat(any.validate(value).failures()).isEmpty();
    }

    @Property(tries = 200)
    void richSchemasNeverThrowAndEveryFailureHasAPath(@ForAll("values") CborValue value) {
        for (Validator validator : rich) {
            ValidationResult result = validator.validate(value);

            assertThat(result.failures()).allSatisfy(failure -> {
                assertThat(failure.path()).startsWith("$");
                assertThat(failure.message()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<CborValue> values() {
        return value(3);
    }

    private static Arbitrary<CborValue> value(int depth) {
        Arbitrary<CborValue> leaf = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(MIN, MAX).map(CborInteger::new),
                Arbitraries.integers().between(-30, 30).map(i -> CborInteger.of(i)),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.NEGATIVE_INFINITY)
                        .withSpecialValue(-0.0).map(CborFloat::new),
                Arbitraries.strings().ofMaxLength(12).map(CborTextString::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(CborByteString::new),
                Arbitraries.of(CborSimple.FALSE, CborSimple.TRUE, CborSimple.NULL, CborSimple.UNDEFINED,
                        new CborSimple(0), new CborSimple(255)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<CborValue> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<CborValue> arrays = inner.list().ofMaxSize(5).map(CborArray::new);
        Arbitrary<CborValue> maps = Arbitraries.maps(inner, inner).ofMaxSize(4).map(CborMap::new);
        Arbitrary<CborValue> tags = Arbitraries.longs().flatMap(tag -> inner.map(content -> new CborTag(tag, content)));
        Arbitrary<CborValue> smallTags = Arbitraries.of(0L, 1L, 2L, 3L, 18L, 24L, 32L)
                .flatMap(tag -> inner.map(content -> new CborTag(tag, content)));
        Arbitrary<CborValue> embedded = inner.map(v -> new CborByteString(v.encode()));
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf), Tuple.of(2, arrays), Tuple.of(2, maps), Tuple.of(1, tags), Tuple.of(1, smallTags),
                Tuple.of(1, embedded));
    }
}
