package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Literal values as types, and how a type choice reports an instance that matches none of its options. */
class LiteralsAndChoicesTest {

    @Test
    void anIntegerLiteralMatchesThatIntegerOnly() {
        Cddl.Checker answer = rule("answer", "answer = 42");

        assertThat(answer.accepts(42)).isTrue();
        assertThat(answer.failures(43)).containsExactly("$: expected answer (42), found uint 43");
        assertThat(answer.failures(42.0)).containsExactly("$: expected answer (42), found float 42.0");
        assertThat(answer.failures("42")).containsExactly("$: expected answer (42), found text \"42\"");
    }

    @Test
    void negativeHexadecimalAndBinaryLiteralsMatchTheirValues() {
        assertThat(rule("n", "n = -0x10").accepts(-16)).isTrue();
        assertThat(rule("n", "n = 0b1010").accepts(10)).isTrue();
        assertThat(rule("n", "n = 18446744073709551615").accepts(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)))
                .isTrue();
        assertThat(rule("n", "n = -18446744073709551616").accepts(BigInteger.ONE.shiftLeft(64).negate())).isTrue();
    }

    @Test
    void aFloatLiteralMatchesThatFloatOnly() {
        Cddl.Checker half = rule("half", "half = 0.5");

        assertThat(half.accepts(0.5)).isTrue();
        assertThat(rule("h", "h = 0x1.8p1").accepts(3.0)).isTrue();
        assertThat(half.failures(0)).containsExactly("$: expected half (0.5), found uint 0");
    }

    @Test
    void aTextLiteralMatchesTheTextItsEscapesSpell() {
        assertThat(rule("t", "t = \"a\\\"b\\u00e9\"").accepts("a\"bé")).isTrue();
        assertThat(rule("t", "t = \"x\"").failures("X")).containsExactly("$: expected t (\"x\"), found text \"X\"");
    }

    @Test
    void aTextLiteralIsShownEscapedInMessages() {
        // Before the fix the literal was shown raw: expected t ("say "hi"<newline>").
        assertThat(rule("t", "t = \"say \\\"hi\\\"\\n\"").failures("x"))
                .containsExactly("$: expected t (\"say \\\"hi\\\"\\n\"), found text \"x\"");
    }

    @Test
    void byteStringLiteralsMatchTheirBytes() {
        assertThat(rule("b", "b = h'0102'").accepts(bytes("0102"))).isTrue();
        assertThat(rule("b", "b = b64'AQI'").accepts(bytes("0102"))).isTrue();
        assertThat(rule("b", "b = 'hi'").accepts(bytes("6869"))).isTrue();
        assertThat(rule("b", "b = 'hi'").failures("hi")).containsExactly("$: expected b (h'6869'), found text \"hi\"");
        assertThat(rule("b", "b = h'0102'").failures(bytes("0103")))
                .containsExactly("$: expected b (h'0102'), found bytes of length 2");
    }

    @Test
    void aChoiceOfLiteralsIsReportedWhole() {
        Cddl.Checker colour = rule("colour", "colour = \"red\" / \"green\" / 3");

        assertThat(colour.accepts("green")).isTrue();
        assertThat(colour.accepts(3)).isTrue();
        assertThat(colour.failures("blue")).containsExactly("$: expected colour (\"red\" / \"green\" / 3), found text \"blue\"");
    }

    @Test
    void aChoiceThatNoOptionGotAnywhereWithIsReportedWhole() {
        Cddl.Checker item = rule("item", "item = {v: int / tstr}");

        assertThat(item.failures(map("v", 1.5))).containsExactly("$.v: expected int / tstr, found float 1.5");
    }

    @Test
    void aChoiceReportsTheOptionThatGotFurthest() {
        Cddl.Checker shape = rule("shape", """
                shape = point / line / tstr
                point = [x: int, y: int]
                line = [point, point]
                """);

        assertThat(shape.accepts(arr(arr(0, 0), arr(1, 1)))).isTrue();
        assertThat(shape.failures(arr(1, "2"))).containsExactly("$[1]: expected int, found text \"2\"");
        assertThat(shape.failures(arr(arr(0, 0), arr(1, "1")))).containsExactly("$[1][1]: expected int, found text \"1\"");
        assertThat(shape.failures(7)).containsExactly("$: expected shape (point / line / tstr), found uint 7");
    }

    @Test
    void aChoiceOfMapsWithADiscriminatorReportsTheAlternativeItsKeySelects() {
        Cddl.Checker shape = rule("shape", """
                shape = circle / rect
                circle = {kind: "circle", radius: uint}
                rect = {kind: "rect", width: uint, height: uint}
                """);

        assertThat(shape.failures(map("kind", "rect", "width", 1, "height", -1)))
                .containsExactly("$.height: expected uint, found nint -1");
        assertThat(shape.failures(map("kind", "circle", "radius", "big")))
                .containsExactly("$.radius: expected uint, found text \"big\"");
    }

    @Test
    void aDiscriminatedChoiceOfExtensibleMapsIsNotMisledByTheirCatchAlls() {
        // Before the fix the first alternative won: its catch-all took every member the failed "kind" left over,
        // and "kind: expected "note"" was reported for every entry of the second kind.
        Cddl.Checker entry = rule("entry", """
                entry = note / call
                note = {kind: "note", ? text: tstr, * tstr => any}
                call = {kind: "call", name: tstr, ? exit-code: uint, * tstr => any}
                """);

        assertThat(entry.failures(map("kind", "call", "name", "ls", "exit-code", "0", "extra", 1)))
                .containsExactly("$.exit-code: expected uint, found text \"0\"");
        assertThat(entry.failures(map("kind", "call", "exit-code", 0)))
                .containsExactly("$: missing member name: tstr");
    }

    @Test
    void whenDistinctAlternativesTieTheWholeChoiceIsReported() {
        Cddl.Checker entry = rule("entry", """
                entry = note / call
                note = {kind: "note", ? text: tstr}
                call = {kind: "call", ? name: tstr}
                """);

        assertThat(entry.failures(map("kind", "other")))
                .containsExactly("$: expected note / call, found map of 1 entry");
    }

    @Test
    void whenAlternativesTieButReadAlikeTheFirstIsReported() {
        Cddl.Checker either = rule("either", "either = {a: int} / {b: int}");

        assertThat(either.failures(map("c", 1))).containsExactly("$: missing member a: int");
    }

    @Test
    void aRuleWithSeveralTypeChoiceAdditionsIsOneChoice() {
        Cddl.Checker value = rule("value", """
                value = int
                value /= tstr
                value /= [* value]
                """);

        assertThat(value.accepts(arr(1, "a", arr(2)))).isTrue();
        assertThat(value.failures(1.5)).containsExactly("$: expected value (int / tstr / array), found float 1.5");
        assertThat(value.failures(arr(1, arr(true)))).containsExactly("$[1][0]: expected value (int / tstr / array), found true");
    }
}
