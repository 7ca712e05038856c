package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.compileError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a schema is checked for when it compiles, and what asking for a validator checks. */
class CompileTimeChecksTest {

    @Test
    void anUndefinedNameIsReportedWhereItIsUsed() {
        assertThat(compileError("""
                record = {
                  id: uint,
                  owner: person,
                }
                """)).isEqualTo("test.cddl:3:10: undefined name person");
    }

    @Test
    void everyProblemIsReportedInOneException() {
        assertThat(compileError("""
                a = [b, c]
                d = e .foo 1
                """)).isEqualTo("""
                test.cddl:1:6: undefined name b
                test.cddl:1:9: undefined name c
                test.cddl:2:5: unknown control operator .foo (supported: .and, .bits, .cbor, .cborseq, .default, .eq, .ge, .gt, .le, .lt, .ne, .regexp, .size, .within)
                test.cddl:2:5: undefined name e""");
    }

    @Test
    void problemsCarryTheirSourceAndPosition() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("one.cddl", "a = b");
        sources.put("two.cddl", "\n  c = [d]");

        assertThatThrownBy(() -> Schema.compile(sources))
                .isInstanceOfSatisfying(SchemaException.class, e -> assertThat(e.problems())
                        .extracting(SchemaException.Problem::toString)
                        .containsExactly("one.cddl:1:5: undefined name b", "two.cddl:2:8: undefined name d"));
    }

    @Test
    void syntaxErrorsAreReportedForEverySource() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("one.cddl", "a = [");
        sources.put("two.cddl", "b = \"x");

        assertThatThrownBy(() -> Schema.compile(sources)).isInstanceOf(SchemaException.class).hasMessage("""
                one.cddl:1:6: expected ']' to close the array opened at 1:5, found the end of the schema
                two.cddl:1:5: the text string that starts here is not closed""");
    }

    @Test
    void compilingNoSourcesIsRefused() {
        // Before the fix this threw NoSuchElementException while looking for the first rule.
        assertThatThrownBy(() -> Schema.compile(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a schema needs at least one CDDL source");
    }

    @Test
    void aGenericArityMismatchIsReported() {
        assertThat(compileError("a = p<int, int>\np<x> = [x]"))
                .isEqualTo("test.cddl:1:5: p takes 1 generic arguments, given 2");
    }

    @Test
    void aDuplicateDefinitionIsReportedWithTheFirstOne() {
        assertThat(compileError("a = int\nb = tstr\na = tstr"))
                .isEqualTo("test.cddl:3:1: rule a is already defined at test.cddl:1:1; use /= or //= to add choices");
    }

    @Test
    void aDefinitionMayReplaceAPreludeRule() throws Exception {
        Validator validator = Schema.compile("test.cddl", "a = tdate\ntdate = tstr").validator("a");

        assertThat(validator.validate(Cddl.cbor("2025-01-01")).isValid()).isTrue();
    }

    @Test
    void anUnknownControlOperatorIsReported() {
        assertThat(compileError("a = tstr .json any")).isEqualTo("test.cddl:1:5: unknown control operator .json"
                + " (supported: .and, .bits, .cbor, .cborseq, .default, .eq, .ge, .gt, .le, .lt, .ne, .regexp, .size,"
                + " .within)");
    }

    @Test
    void anInvalidRegexpIsReported() {
        assertThat(compileError("a = tstr .regexp \"[a-\"")).isEqualTo("test.cddl:1:5: invalid .regexp pattern: Illegal character range");
    }

    @Test
    void aRegexpWhosePatternIsNotATextIsReported() {
        assertThat(compileError("a = tstr .regexp 1")).isEqualTo(
                "test.cddl:1:5: .regexp needs a text string (or the name of one) as its pattern");
    }

    @Test
    void aGroupUsedAsAMembersValueIsReportedWhenTheSchemaCompiles() {
        // Before the fix this compiled, and every instance failed with "common is a group; it cannot stand for one
        // value" at validation.
        assertThat(compileError("record = {owner: common}\ncommon = (id: uint)")).isEqualTo(
                "test.cddl:1:18: common is a group: it cannot stand for one value (a map or array of it is {common}"
                        + " or [common])");
    }

    @Test
    void aGroupUsedAsAChoiceOptionTagContentOrOperandIsReported() {
        assertThat(compileError("""
                a = common / int
                b = #6.1(common)
                c = tstr .size common
                d = {* common => any}
                e = {x: (y: int, z: int)}
                common = (id: uint)
                """)).isEqualTo("""
                test.cddl:1:5: common is a group: it cannot stand for one value (a map or array of it is {common} or [common])
                test.cddl:2:10: common is a group: it cannot stand for one value (a map or array of it is {common} or [common])
                test.cddl:3:16: common is a group: it cannot stand for one value (a map or array of it is {common} or [common])
                test.cddl:4:8: common is a group: it cannot stand for one value (a map or array of it is {common} or [common])
                test.cddl:5:9: the group (y: int, z: int) cannot stand for one value""");
    }

    @Test
    void groupsSpliceIntoMapsArraysAndOtherGroupsWithoutAKey() throws Exception {
        Schema schema = Schema.compile("test.cddl", """
                a = {common, ? (extra: int)}
                b = [common, * (int, tstr)]
                c = (common, more: int)
                d = common
                e = &common
                common = (id: uint)
                """);

        assertThat(schema.ruleNames()).contains("a", "b", "c", "d", "e");
    }

    @Test
    void aGroupRuleCannotBeValidatedAlone() throws Exception {
        Schema schema = Schema.compile("test.cddl", "record = {common}\ncommon = (id: uint)");

        assertThatThrownBy(() -> schema.validator("common"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule common is a group, not a type: it cannot be validated alone");
    }

    @Test
    void aRuleThatDoesNotExistCannotBeValidated() throws Exception {
        Schema schema = Schema.compile("test.cddl", "record = {id: uint}");

        assertThatThrownBy(() -> schema.validator("recrod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the schema has no rule recrod");
    }

    @Test
    void theSchemaKnowsItsRulesAndFirstRule() throws Exception {
        Schema schema = Schema.compile("test.cddl", "root = [item]\nitem = uint\n$ext /= int");

        assertThat(schema.firstRule()).isEqualTo("root");
        assertThat(schema.ruleNames()).containsExactly("root", "item", "$ext");
    }

    @Test
    void preludeRulesCanBeValidatedDirectly() throws Exception {
        Validator uint = Schema.compile("test.cddl", "root = any").validator("uint");

        assertThat(uint.validate(Cddl.cbor(-1)).failures()).extracting(Failure::toString)
                .containsExactly("$: expected uint, found nint -1");
    }

    @Test
    void aRuleThatOnlyRefersToItselfIsReportedWhenMatched() {
        // Before the fix this recursed 512 levels deep and was reported as "expected loop".
        Cddl.Checker loop = Cddl.rule("loop", "loop = other\nother = loop");

        assertThat(loop.failures(1)).containsExactly("$: the schema loops here without matching anything: loop -> other -> loop");
    }

    @Test
    void aChoiceThatRefersToItselfMatchesItsOtherOptions() {
        Cddl.Checker loop = Cddl.rule("loop", "loop = int / loop");

        assertThat(loop.accepts(1)).isTrue();
        assertThat(loop.failures("x")).containsExactly("$: expected loop (int / loop), found text \"x\"");
    }
}
