package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.encoded;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborByteString;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every control operator the validator implements (RFC 8610 §3.8, RFC 9165). */
class ControlOperatorsTest {

    @Nested
    class Size {

        @Test
        void sizeOfATextStringCountsUtf8Bytes() {
            Cddl.Checker code = rule("code", "code = tstr .size 3");

            assertThat(code.accepts("abc")).isTrue();
            assertThat(code.failures("ab")).containsExactly("$: expected code (tstr .size 3), found text \"ab\"");
            assertThat(code.accepts("éa")).as("two characters, three bytes").isTrue();
            assertThat(code.failures("éé")).containsExactly("$: expected code (tstr .size 3), found text \"éé\"");
        }

        @Test
        void sizeOfAByteStringCountsBytes() {
            Cddl.Checker digest = rule("digest", "digest = bstr .size 32");

            assertThat(digest.accepts(new CborByteString(new byte[32]))).isTrue();
            assertThat(digest.failures(new CborByteString(new byte[31])))
                    .containsExactly("$: expected digest (bstr .size 32), found bytes of length 31");
        }

        @Test
        void sizeMayBeARange() {
            Cddl.Checker name = rule("name", "name = tstr .size (1..4)");

            assertThat(name.accepts("a")).isTrue();
            assertThat(name.accepts("abcd")).isTrue();
            assertThat(name.failures("")).containsExactly("$: expected name (tstr .size 1..4), found text \"\"");
            assertThat(name.failures("abcde")).containsExactly("$: expected name (tstr .size 1..4), found text \"abcde\"");
        }

        @Test
        void sizeOfAnUnsignedIntegerIsTheBytesItFitsIn() {
            Cddl.Checker sample = rule("sample", "sample = uint .size 3");

            assertThat(sample.accepts(0)).isTrue();
            assertThat(sample.accepts(16_777_215)).isTrue();
            assertThat(sample.failures(16_777_216)).containsExactly("$: expected sample (uint .size 3), found uint 16777216");
            assertThat(rule("u64", "u64 = uint .size 8").accepts(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)))
                    .isTrue();
        }

        @Test
        void theTargetIsCheckedFirst() {
            assertThat(rule("code", "code = tstr .size 3").failures(bytes("010203")))
                    .containsExactly("$: expected code (tstr .size 3), found bytes of length 3");
        }
    }

    @Nested
    class Bits {

        @Test
        void bitsOfAnUnsignedIntegerMustBeNamedInTheControllerGroup() {
            Cddl.Checker flags = rule("flags", """
                    flags = uint .bits permissions
                    permissions = &(read: 0, write: 1, execute: 2)
                    """);

            assertThat(flags.accepts(0)).isTrue();
            assertThat(flags.accepts(7)).isTrue();
            assertThat(flags.failures(8)).containsExactly("$: bit 3 is set, but permissions does not allow it");
        }

        @Test
        void bitsOfAByteStringCountFromTheLowBitOfTheFirstByte() {
            // RFC 8610 §3.8.2: bit n is (bytes[n >> 3] & (1 << (n & 7))) != 0
            Cddl.Checker mask = rule("mask", "mask = bstr .bits (0 / 9)");

            assertThat(mask.accepts(bytes("0102"))).isTrue();
            assertThat(mask.accepts(bytes("0000"))).isTrue();
            assertThat(mask.failures(bytes("02"))).containsExactly("$: bit 1 is set, but 0 / 9 does not allow it");
        }

        @Test
        void bitsMayBeARange() {
            Cddl.Checker low = rule("low", "low = uint .bits (0..3)");

            assertThat(low.accepts(15)).isTrue();
            assertThat(low.failures(16)).containsExactly("$: bit 4 is set, but 0..3 does not allow it");
        }

        @Test
        void bitsOfAnythingElseMismatch() {
            assertThat(rule("b", "b = any .bits (0..3)").failures(-1))
                    .containsExactly("$: expected b (any .bits 0..3), found nint -1");
        }
    }

    @Nested
    class Regexp {

        @Test
        void aPatternMustMatchTheWholeText() {
            Cddl.Checker word = rule("word", "word = tstr .regexp \"[a-z]+\"");

            assertThat(word.accepts("abc")).isTrue();
            assertThat(word.failures("abc1")).containsExactly("$: expected word (tstr .regexp \"[a-z]+\"), found text \"abc1\"");
            assertThat(word.failures("1abc")).containsExactly("$: expected word (tstr .regexp \"[a-z]+\"), found text \"1abc\"");
        }

        @Test
        void explicitAnchorsChangeNothing() {
            Cddl.Checker word = rule("word", "word = tstr .regexp \"^[a-z]+$\"");

            assertThat(word.accepts("abc")).isTrue();
            assertThat(word.accepts("abc1")).isFalse();
        }

        @Test
        void thePatternMayBeANamedText() {
            Cddl.Checker date = rule("date", """
                    date = tstr .regexp date-pattern
                    date-pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
                    """);

            assertThat(date.accepts("2025-01-31")).isTrue();
            assertThat(date.failures("2025-1-31")).containsExactly(
                    "$: expected date (tstr .regexp date-pattern), found text \"2025-1-31\"");
        }

        @Test
        void longTextIsShortenedInMessages() {
            Cddl.Checker digits = rule("digits", "digits = tstr .regexp \"[0-9]*\"");

            assertThat(digits.failures("x".repeat(50))).containsExactly(
                    "$: expected digits (tstr .regexp \"[0-9]*\"), found text \"" + "x".repeat(40) + "...\"");
        }
    }

    @Nested
    class Cbor {

        @Test
        void theEmbeddedItemIsValidatedAgainstTheController() {
            Cddl.Checker wrapped = rule("wrapped", "wrapped = bstr .cbor [int, tstr]");

            assertThat(wrapped.accepts(encoded(arr(1, "a")))).isTrue();
            assertThat(wrapped.failures(encoded(arr(1, 2)))).containsExactly("$[1]: expected tstr, found uint 2");
        }

        @Test
        void pathsContinueIntoTheEmbeddedItem() {
            Cddl.Checker envelope = rule("envelope", """
                    envelope = [protected: bstr .cbor header, payload: bstr]
                    header = {1 => int, ? 3 => tstr}
                    """);

            assertThat(envelope.accepts(arr(encoded(map(1, -7)), bytes("")))).isTrue();
            assertThat(envelope.failures(arr(encoded(map(1, "ES256")), bytes(""))))
                    .containsExactly("$[0].1: expected int, found text \"ES256\"");
        }

        @Test
        void bytesThatAreNotCborAreReported() {
            Cddl.Checker wrapped = rule("wrapped", "wrapped = bstr .cbor int");

            assertThat(wrapped.failures(bytes("61"))).containsExactly(
                    "$: expected bytes holding CBOR, but at byte 0: text string of 1 bytes but only 0 bytes remain");
            assertThat(wrapped.failures(bytes(""))).containsExactly(
                    "$: expected bytes holding CBOR, but at byte 0: input ends where a data item was expected");
            assertThat(wrapped.failures(bytes("0102"))).containsExactly(
                    "$: expected bytes holding CBOR, but at byte 1: 1 bytes after the end of the data item");
        }

        @Test
        void somethingOtherThanBytesIsAMismatch() {
            assertThat(rule("wrapped", "wrapped = bstr .cbor int").failures(1))
                    .containsExactly("$: expected wrapped (bstr .cbor int), found uint 1");
        }

        @Test
        void aCborSequenceIsValidatedAsTheItemsOfAnArray() {
            Cddl.Checker sequence = rule("sequence", "sequence = bstr .cborseq [* int]");

            assertThat(sequence.accepts(bytes("010203"))).isTrue();
            assertThat(sequence.accepts(bytes(""))).isTrue();
            assertThat(sequence.failures(bytes("01 6161"))).containsExactly("$[1]: expected int, found text \"a\"");
            assertThat(sequence.failures(bytes("01 61"))).containsExactly(
                    "$: expected bytes holding a CBOR sequence, but at byte 1: text string of 1 bytes but only 0 bytes"
                            + " remain");
        }
    }

    @Nested
    class WithinAndAnd {

        @Test
        void withinRequiresBothTypes() {
            Cddl.Checker small = rule("small", "small = int .within (0..9)");

            assertThat(small.accepts(9)).isTrue();
            assertThat(small.failures(10)).containsExactly("$: expected small (int .within 0..9), found uint 10");
            assertThat(small.failures("1")).containsExactly("$: expected small (int .within 0..9), found text \"1\"");
        }

        @Test
        void andCombinesMapTypes() {
            Cddl.Checker both = rule("both", """
                    both = open .and closed
                    open = {* tstr => any}
                    closed = {id: uint, ? name: tstr}
                    """);

            assertThat(both.accepts(map("id", 1))).isTrue();
            assertThat(both.failures(map("id", 1, 2, "x"))).containsExactly(
                    "$.2: unexpected member (the map allows * tstr => any)");
            assertThat(both.failures(map("id", 1, "other", "x"))).containsExactly(
                    "$.other: unexpected member (the map allows id: uint, ? name: tstr)");
        }
    }

    @Nested
    class Comparisons {

        @Test
        void ltLeGtGeCompareNumbers() {
            assertThat(rule("t", "t = int .lt 10").accepts(9)).isTrue();
            assertThat(rule("t", "t = int .lt 10").failures(10)).containsExactly("$: expected t (int .lt 10), found uint 10");
            assertThat(rule("t", "t = int .le 10").accepts(10)).isTrue();
            assertThat(rule("t", "t = int .gt -3").failures(-3)).containsExactly("$: expected t (int .gt -3), found nint -3");
            assertThat(rule("t", "t = int .ge -3").accepts(-3)).isTrue();
        }

        @Test
        void comparisonsWorkForFloatsAndNamedBounds() {
            Cddl.Checker ratio = rule("ratio", "ratio = float .le max-ratio\nmax-ratio = 1.5");

            assertThat(ratio.accepts(1.5)).isTrue();
            assertThat(ratio.failures(1.75)).containsExactly("$: expected ratio (float .le max-ratio), found float 1.75");
            assertThat(rule("t", "t = number .gt 0").accepts(0.5)).isTrue();
        }

        @Test
        void eqAndNeCompareWithALiteral() {
            assertThat(rule("t", "t = tstr .eq \"on\"").accepts("on")).isTrue();
            assertThat(rule("t", "t = tstr .eq \"on\"").failures("off")).containsExactly(
                    "$: expected t (tstr .eq \"on\"), found text \"off\"");
            assertThat(rule("t", "t = int .ne 0").accepts(1)).isTrue();
            assertThat(rule("t", "t = int .ne 0").failures(0)).containsExactly("$: expected t (int .ne 0), found uint 0");
            assertThat(rule("t", "t = bstr .eq h'01'").accepts(bytes("01"))).isTrue();
        }
    }

    @Nested
    class Default {

        @Test
        void defaultOnlyDocumentsAValueAndChecksTheTarget() {
            Cddl.Checker options = rule("options", "options = {? retries: uint .default 3}");

            assertThat(options.accepts(map())).isTrue();
            assertThat(options.accepts(map("retries", 7))).isTrue();
            assertThat(options.failures(map("retries", "3"))).containsExactly(
                    "$.retries: expected uint, found text \"3\"");
        }
    }
}
