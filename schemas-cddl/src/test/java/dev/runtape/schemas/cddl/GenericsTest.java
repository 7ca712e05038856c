package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.compileError;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Generic rules (RFC 8610 §3.10): parameters bound to the arguments of each use. */
class GenericsTest {

    @Test
    void aGenericArrayTakesItsArgumentsInOrder() {
        Cddl.Checker entry = rule("entry", """
                entry = pair<int, tstr>
                pair<a, b> = [a, b]
                """);

        assertThat(entry.accepts(arr(1, "a"))).isTrue();
        assertThat(entry.failures(arr("a", 1))).containsExactly("$[0]: expected int, found text \"a\"");
        assertThat(entry.failures(1)).containsExactly("$: expected entry (pair<int, tstr>), found uint 1");
    }

    @Test
    void genericUsesNest() {
        Cddl.Checker nested = rule("nested", """
                nested = pair<pair<int, int>, tstr>
                pair<a, b> = [a, b]
                """);

        assertThat(nested.accepts(arr(arr(1, 2), "a"))).isTrue();
        assertThat(nested.failures(arr(arr(1, "b"), "a"))).containsExactly("$[0][1]: expected int, found text \"b\"");
    }

    @Test
    void argumentsAreReadWhereTheyAreGivenEvenWhenParameterNamesRepeat() {
        Cddl.Checker outer = rule("outer", """
                outer = wrap<tstr>
                wrap<t> = {items: list<[t, t]>}
                list<t> = [* t]
                """);

        assertThat(outer.accepts(map("items", arr(arr("a", "b"))))).isTrue();
        assertThat(outer.failures(map("items", arr(arr("a", 2)))))
                .containsExactly("$.items[0][1]: expected tstr, found uint 2");
    }

    @Test
    void aGenericGroupSplicesWithItsArguments() {
        Cddl.Checker m = rule("m", """
                m = {member<"x", int>, member<"y", tstr>}
                member<k, v> = (k => v)
                """);

        assertThat(m.accepts(map("x", 1, "y", "a"))).isTrue();
        assertThat(m.failures(map("x", "1", "y", "a"))).containsExactly("$.x: expected int, found text \"1\"");
        assertThat(m.failures(map("x", 1))).containsExactly("$: missing member y (k => v)");
    }

    @Test
    void aBarewordKeyIsTextEvenWhenItSpellsAParameter() {
        // RFC 8610 §3.5.1: "k:" is the text key "k"; only "k =>" would use the parameter.
        Cddl.Checker m = rule("m", """
                m = {member<"x", int>}
                member<k, v> = (k: v)
                """);

        assertThat(m.accepts(map("k", 1))).isTrue();
        assertThat(m.failures(map("x", 1))).containsExactly("$: missing member k: v");
    }

    @Test
    void anOptionalGenericGroupInAnArray() {
        Cddl.Checker record = rule("record", """
                record = [opt<int>, tstr]
                opt<t> = (? t)
                """);

        assertThat(record.accepts(arr("a"))).isTrue();
        assertThat(record.accepts(arr(1, "a"))).isTrue();
        assertThat(record.failures(arr(1, 2))).containsExactly("$[1]: expected tstr, found uint 2");
    }

    @Test
    void aGroupPassedAsAnArgumentSplicesIntoAMap() {
        Cddl.Checker wrapped = rule("wrapped", """
                wrapped = closed<fields>
                closed<g> = {g}
                fields = (a: int, ? b: tstr)
                """);

        assertThat(wrapped.accepts(map("a", 1))).isTrue();
        assertThat(wrapped.failures(map("a", 1, "c", 2))).containsExactly("$.c: unexpected member (the map allows g)");
    }

    @Test
    void argumentsMayBeLiteralsAndRanges() {
        Cddl.Checker tagged = rule("tagged", """
                tagged = item<"point", 0..9>
                item<kind, value> = {kind: kind, value: value}
                """);

        assertThat(tagged.accepts(map("kind", "point", "value", 9))).isTrue();
        assertThat(tagged.failures(map("kind", "line", "value", 10))).containsExactly(
                "$.kind: expected \"point\", found text \"line\"",
                "$.value: expected 0..9, found uint 10");
    }

    @Test
    void aGenericRuleCannotBeValidatedWithoutArguments() throws Exception {
        Schema schema = Schema.compile("test.cddl", "pair<a, b> = [a, b]");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.validator("pair"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule pair is generic: validate a rule that gives its arguments");
    }

    @Test
    void theWrongNumberOfArgumentsIsReportedWhenTheSchemaCompiles() {
        assertThat(compileError("use = pair<int>\npair<a, b> = [a, b]"))
                .isEqualTo("test.cddl:1:7: pair takes 2 generic arguments, given 1");
        assertThat(compileError("use = pair\npair<a, b> = [a, b]"))
                .isEqualTo("test.cddl:1:7: pair takes 2 generic arguments, given 0");
        assertThat(compileError("use = int<tstr>"))
                .isEqualTo("test.cddl:1:7: int takes 0 generic arguments, given 1");
    }
}
