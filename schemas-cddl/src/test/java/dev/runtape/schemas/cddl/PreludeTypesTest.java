package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.encoded;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.simple;
import static dev.runtape.schemas.cddl.Cddl.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborSimple;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The types of the standard prelude (RFC 8610 Appendix D) accept their data items and report others by name. */
class PreludeTypesTest {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** A validator of a prelude rule itself, so that failures name it as a schema using it would. */
    private static Cddl.Checker prelude(String name, String... more) {
        return Cddl.rule(name, "unused = any\n" + String.join("\n", more));
    }

    @Test
    void uintTakesZeroToTwoToTheSixtyFourMinusOne() {
        Cddl.Checker uint = prelude("uint");

        assertThat(uint.accepts(0)).isTrue();
        assertThat(uint.accepts(TWO_TO_64.subtract(BigInteger.ONE))).isTrue();
        assertThat(uint.failures(-1)).containsExactly("$: expected uint, found nint -1");
        assertThat(uint.failures(1.0)).containsExactly("$: expected uint, found float 1.0");
        assertThat(uint.failures("0")).containsExactly("$: expected uint, found text \"0\"");
    }

    @Test
    void nintTakesMinusOneToMinusTwoToTheSixtyFour() {
        Cddl.Checker nint = prelude("nint");

        assertThat(nint.accepts(-1)).isTrue();
        assertThat(nint.accepts(TWO_TO_64.negate())).isTrue();
        assertThat(nint.failures(0)).containsExactly("$: expected nint, found uint 0");
    }

    @Test
    void intTakesBothAndReportsItselfByName() {
        Cddl.Checker integer = prelude("int");

        assertThat(integer.accepts(5)).isTrue();
        assertThat(integer.accepts(-5)).isTrue();
        assertThat(integer.failures(5.5)).containsExactly("$: expected int, found float 5.5");
        assertThat(integer.failures(true)).containsExactly("$: expected int, found true");
    }

    @Test
    void bstrAndBytesTakeByteStringsNotText() {
        assertThat(prelude("bstr").accepts(bytes("0102"))).isTrue();
        assertThat(prelude("bytes").accepts(bytes(""))).isTrue();
        assertThat(prelude("bstr").failures("01")).containsExactly("$: expected bstr, found text \"01\"");
        assertThat(prelude("bytes").failures(arr())).containsExactly("$: expected bytes, found array of 0 items");
    }

    @Test
    void tstrAndTextTakeTextNotBytes() {
        assertThat(prelude("tstr").accepts("")).isTrue();
        assertThat(prelude("text").accepts("é")).isTrue();
        assertThat(prelude("tstr").failures(bytes("61"))).containsExactly("$: expected tstr, found bytes of length 1");
    }

    @Test
    void boolTrueAndFalseTakeTheSimpleValues() {
        assertThat(prelude("bool").accepts(true)).isTrue();
        assertThat(prelude("bool").accepts(false)).isTrue();
        assertThat(prelude("true").failures(false)).containsExactly("$: expected true, found false");
        assertThat(prelude("false").failures(0)).containsExactly("$: expected false, found uint 0");
        assertThat(prelude("bool").failures(null)).containsExactly("$: expected bool, found null");
    }

    @Test
    void nilNullAndUndefinedAreDistinctSimpleValues() {
        assertThat(prelude("nil").accepts(null)).isTrue();
        assertThat(prelude("null").accepts(CborSimple.NULL)).isTrue();
        assertThat(prelude("undefined").accepts(CborSimple.UNDEFINED)).isTrue();
        assertThat(prelude("null").failures(CborSimple.UNDEFINED)).containsExactly("$: expected null, found undefined");
        assertThat(prelude("nil").failures(false)).containsExactly("$: expected nil, found false");
    }

    @Test
    void floatWidthsTakeTheValuesThatWidthHoldsExactly() {
        assertThat(prelude("float16").accepts(1.5)).isTrue();
        assertThat(prelude("float16").accepts(65504.0)).isTrue();
        assertThat(prelude("float16").failures(1.1)).containsExactly("$: expected float16, found float 1.1");
        assertThat(prelude("float32").accepts(0.15625)).isTrue();
        assertThat(prelude("float32").failures(1.1)).containsExactly("$: expected float32, found float 1.1");
        assertThat(prelude("float64").accepts(1.1)).isTrue();
        assertThat(prelude("float16-32").accepts(0.1f + 0.0)).isTrue();
        assertThat(prelude("float").accepts(Double.NaN)).isTrue();
        assertThat(prelude("float16").accepts(Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(prelude("float").failures(1)).containsExactly("$: expected float, found uint 1");
    }

    @Test
    void numberTakesIntegersAndFloats() {
        assertThat(prelude("number").accepts(1)).isTrue();
        assertThat(prelude("number").accepts(-1.5)).isTrue();
        assertThat(prelude("number").failures("1")).containsExactly("$: expected number, found text \"1\"");
    }

    @Test
    void anyTakesEveryKindOfDataItem() {
        Cddl.Checker any = prelude("any");

        for (Object instance : new Object[] {0, -1, 1.5, "t", bytes("00"), arr(1, "a"), map("k", arr()), tag(99, 1),
                true, null, CborSimple.UNDEFINED, simple(99)}) {
            assertThat(any.failures(instance)).as("%s", instance).isEmpty();
        }
    }

    @Test
    void tdateIsTextUnderTagZero() {
        assertThat(prelude("tdate").accepts(tag(0, "2025-01-01T00:00:00Z"))).isTrue();
        assertThat(prelude("tdate").failures("2025-01-01T00:00:00Z"))
                .containsExactly("$: expected tdate, found text \"2025-01-01T00:00:00Z\"");
        assertThat(prelude("tdate").failures(tag(1, "2025-01-01T00:00:00Z"))).containsExactly("$: expected tdate, found tag 1");
        assertThat(prelude("tdate").failures(tag(0, 1_700_000_000))).containsExactly("$: expected tstr, found uint 1700000000");
    }

    @Test
    void timeIsANumberUnderTagOne() {
        assertThat(prelude("time").accepts(tag(1, 1_700_000_000))).isTrue();
        assertThat(prelude("time").accepts(tag(1, 1.7e9))).isTrue();
        assertThat(prelude("time").failures(tag(1, "now"))).containsExactly("$: expected number, found text \"now\"");
    }

    @Test
    void uriAndTheOtherTextTagsCheckTheirTagNumber() {
        assertThat(prelude("uri").accepts(tag(32, "https://example.com/"))).isTrue();
        assertThat(prelude("b64url").accepts(tag(33, "AQID"))).isTrue();
        assertThat(prelude("b64legacy").accepts(tag(34, "AQID"))).isTrue();
        assertThat(prelude("regexp").accepts(tag(35, "a+"))).isTrue();
        assertThat(prelude("mime-message").accepts(tag(36, "Subject: x"))).isTrue();
        assertThat(prelude("uri").failures(tag(33, "https://example.com/"))).containsExactly("$: expected uri, found tag 33");
        assertThat(prelude("uri").failures("https://example.com/"))
                .containsExactly("$: expected uri, found text \"https://example.com/\"");
    }

    @Test
    void bignumsAreByteStringsUnderTagsTwoAndThree() {
        assertThat(prelude("biguint").accepts(tag(2, bytes("010000000000000000")))).isTrue();
        assertThat(prelude("bignint").accepts(tag(3, bytes("010000000000000000")))).isTrue();
        assertThat(prelude("bigint").accepts(tag(3, bytes("01")))).isTrue();
        assertThat(prelude("biguint").failures(tag(2, 1))).containsExactly("$: expected bstr, found uint 1");
        assertThat(prelude("biguint").failures(1)).containsExactly("$: expected biguint, found uint 1");
    }

    @Test
    void integerAndUnsignedTakeBothPlainIntegersAndBignums() {
        assertThat(prelude("integer").accepts(-3)).isTrue();
        assertThat(prelude("integer").accepts(tag(3, bytes("ff")))).isTrue();
        assertThat(prelude("unsigned").accepts(tag(2, bytes("ff")))).isTrue();
        assertThat(prelude("unsigned").failures(-3)).containsExactly("$: expected unsigned, found nint -3");
        assertThat(prelude("integer").failures(2.0)).containsExactly("$: expected integer, found float 2.0");
    }

    @Test
    void decfracAndBigfloatAreExponentMantissaPairs() {
        assertThat(prelude("decfrac").accepts(tag(4, arr(-2, 27315)))).isTrue();
        assertThat(prelude("bigfloat").accepts(tag(5, arr(-1, tag(2, bytes("03")))))).isTrue();
        assertThat(prelude("decfrac").failures(tag(4, arr(-2)))).containsExactly("$: the array ends after 1 item; expected m: integer next");
        assertThat(prelude("decfrac").failures(tag(4, arr(1.5, 2)))).containsExactly("$[0]: expected int, found float 1.5");
    }

    @Test
    void encodedCborAndTheEncodingHintsCheckOnlyTheirTag() {
        assertThat(prelude("encoded-cbor").accepts(tag(24, encoded(arr(1))))).isTrue();
        assertThat(prelude("eb64url").accepts(tag(21, "anything"))).isTrue();
        assertThat(prelude("eb64legacy").accepts(tag(22, bytes("00")))).isTrue();
        assertThat(prelude("eb16").accepts(tag(23, 1))).isTrue();
        assertThat(prelude("cbor-any").accepts(tag(55799, map()))).isTrue();
        assertThat(prelude("encoded-cbor").failures(tag(24, "x"))).containsExactly("$: expected bstr, found text \"x\"");
    }

    @Test
    void preludeNamesMayBeExtendedWithMoreChoices() {
        assertThat(prelude("bool", "bool /= \"yes\"").accepts("yes")).isTrue();
        assertThat(prelude("bool", "bool /= \"yes\"").accepts(true)).isTrue();
    }
}
