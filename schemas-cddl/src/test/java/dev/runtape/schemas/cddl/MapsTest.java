package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Maps: members by key, occurrences, cuts, catch-alls, group choices and spliced groups (RFC 8610 §3.5). */
class MapsTest {

    @Nested
    class Members {

        private final Cddl.Checker person = rule("person", """
                person = {
                  name: tstr,
                  ? age: uint,
                  ? nick: tstr,
                }
                """);

        @Test
        void requiredAndOptionalMembersMatch() {
            assertThat(person.accepts(Cddl.map("name", "Ada"))).isTrue();
            assertThat(person.accepts(Cddl.map("name", "Ada", "age", 36, "nick", "A"))).isTrue();
        }

        @Test
        void aMissingRequiredMemberIsReportedOnTheMap() {
            assertThat(person.failures(Cddl.map("age", 36))).containsExactly("$: missing member name: tstr");
        }

        @Test
        void aMemberWithAWrongValueIsReportedAtItsPath() {
            assertThat(person.failures(Cddl.map("name", "Ada", "age", -1))).containsExactly("$.age: expected uint, found nint -1");
        }

        @Test
        void anUnexpectedMemberIsReportedWithWhatTheMapAllows() {
            assertThat(person.failures(Cddl.map("name", "Ada", "email", "a@example.com")))
                    .containsExactly("$.email: unexpected member (the map allows name: tstr, ? age: uint, ? nick: tstr)");
        }

        @Test
        void everyFailureOfAMapIsReported() {
            assertThat(person.failures(Cddl.map("name", 1, "age", "old"))).containsExactly(
                    "$.name: expected tstr, found uint 1",
                    "$.age: expected uint, found text \"old\"");
        }

        @Test
        void somethingOtherThanAMapIsReportedAsSuch() {
            assertThat(person.failures(arr("Ada"))).containsExactly("$: expected person (map), found array of 1 item");
        }

        @Test
        void keysThatAreNotPlainNamesAreQuotedInPaths() {
            Cddl.Checker odd = rule("odd", "odd = {\"two words\": int, h'01': int}");

            assertThat(odd.failures(map("two words", "x", bytes("01"), "y"))).containsExactly(
                    "$.\"two words\": expected int, found text \"x\"",
                    "$.h'01': expected int, found text \"y\"");
        }
    }

    @Nested
    class KeysAndCuts {

        @Test
        void barewordAndQuotedKeysAreTheSameTextKey() {
            Cddl.Checker m = rule("m", "m = {a: int, \"b\": int, \"c\" => int}");

            assertThat(m.accepts(map("a", 1, "b", 2, "c", 3))).isTrue();
        }

        @Test
        void aColonKeyCutsSoACatchAllCannotTakeAMemberWithTheWrongValue() {
            Cddl.Checker m = rule("m", "m = {? x: int, * tstr => any}");

            assertThat(m.failures(map("x", "s"))).containsExactly("$.x: expected int, found text \"s\"");
        }

        @Test
        void aCaretKeyCutsLikeAColon() {
            Cddl.Checker m = rule("m", "m = {? \"x\" ^ => int, * tstr => any}");

            assertThat(m.failures(map("x", "s"))).containsExactly("$.x: expected int, found text \"s\"");
        }

        @Test
        void anArrowKeyWithoutACutLetsACatchAllTakeTheMember() {
            // RFC 8610 §3.5.4: without the cut, "x": "s" is matched by * tstr => any. Before the fix every literal
            // key cut.
            Cddl.Checker m = rule("m", "m = {? \"x\" => int, * tstr => any}");

            assertThat(m.accepts(map("x", "s"))).isTrue();
            assertThat(m.accepts(map("x", 1))).isTrue();
        }

        @Test
        void anArrowKeyWithoutACutStillReportsItsValueWhenNothingElseTakesTheMember() {
            Cddl.Checker m = rule("m", "m = {? \"x\" => int, y: int}");

            assertThat(m.failures(map("x", "s", "y", 1))).containsExactly("$.x: expected int, found text \"s\"");
        }

        @Test
        void aRequiredArrowKeyWithAWrongValueFails() {
            Cddl.Checker m = rule("m", "m = {\"x\" => int, * tstr => any}");

            assertThat(m.failures(map("x", "s"))).containsExactly("$.x: expected int, found text \"s\"");
        }

        @Test
        void aCatchAllWrittenFirstLeavesNamedMembersToTheirEntries() {
            // Before the fix the catch-all took "name" first and the map was reported missing it.
            Cddl.Checker m = rule("m", "m = {* tstr => any, name: tstr}");

            assertThat(m.accepts(map("name", "x", "other", 1))).isTrue();
            assertThat(m.failures(map("name", 1))).containsExactly("$.name: expected tstr, found uint 1");
            assertThat(m.failures(map("other", 1))).containsExactly("$: missing member name: tstr");
        }

        @Test
        void aRequiredTypeKeyIsServedBeforeAnOptionalCatchAll() {
            Cddl.Checker m = rule("m", "m = {* tstr => any, tstr => int}");

            assertThat(m.accepts(map("a", 1))).isTrue();
            assertThat(m.accepts(map("a", "s", "b", 2))).isTrue();
        }

        @Test
        void integerKeysWorkAsInCose() {
            Cddl.Checker header = rule("header", """
                    header = {
                      1 => int,            ; alg
                      ? 4 => bstr,         ; kid
                      ? -1 => tstr,
                      * int => any,
                    }
                    """);

            assertThat(header.accepts(map(1, -7, 4, bytes("01"), 99, "x"))).isTrue();
            assertThat(header.failures(map(1, "ES256"))).containsExactly("$.1: expected int, found text \"ES256\"");
            assertThat(header.failures(map(4, bytes("01")))).containsExactly("$: missing member 1 => int");
            assertThat(header.failures(map(1, -7, "alg", 1)))
                    .containsExactly("$.alg: unexpected member (the map allows 1 => int, ? 4 => bstr, ? -1 => tstr,"
                            + " * int => any)");
        }

        @Test
        void optionalIntegerKeysWithoutACutYieldToAnIntegerCatchAllButWithACutDoNot() {
            Cddl.Checker open = rule("header", "header = {? 4 => bstr, ? -1 => tstr, * int => any}");
            Cddl.Checker cut = rule("header", "header = {? 4: bstr, ? -1: tstr, * int => any}");

            assertThat(open.accepts(map(4, "kid", -1, 0))).isTrue();
            assertThat(cut.failures(map(4, "kid", -1, 0))).containsExactly(
                    "$.4: expected bstr, found text \"kid\"",
                    "$.-1: expected tstr, found uint 0");
        }

        @Test
        void enumeratedKeysStandForTheirValue() {
            Cddl.Checker header = rule("header", "header = {&(alg: 1) => int, ? &(kid: 4) => bstr}");

            assertThat(header.accepts(map(1, -7))).isTrue();
            assertThat(header.failures(map(1, "ES256"))).containsExactly("$.1: expected int, found text \"ES256\"");
        }

        @Test
        void aLiteralKeyRepeatedMoreThanOnceCannotBeSatisfied() {
            Cddl.Checker m = rule("m", "m = {2*3 \"k\" => int}");

            assertThat(m.failures(map("k", 1))).containsExactly(
                    "$: expected 2 members 2*3 \"k\" => int, but a map holds a key once");
        }
    }

    @Nested
    class TypeKeysAndOccurrences {

        @Test
        void aStarCatchAllTakesAnyNumberOfMembers() {
            Cddl.Checker m = rule("m", "m = {* tstr => int}");

            assertThat(m.accepts(map())).isTrue();
            assertThat(m.accepts(map("a", 1, "b", 2))).isTrue();
            assertThat(m.failures(map("a", 1, "b", "x"))).containsExactly("$.b: expected int, found text \"x\"");
            assertThat(m.failures(map(1, 1))).containsExactly("$.1: unexpected member (the map allows * tstr => int)");
        }

        @Test
        void aPlusNeedsAtLeastOneMember() {
            Cddl.Checker m = rule("m", "m = {+ tstr => int}");

            assertThat(m.accepts(map("a", 1))).isTrue();
            assertThat(m.failures(map())).containsExactly("$: expected 1 member + tstr => int, found 0");
        }

        @Test
        void aTypeKeyWhoseValuesAllFailReportsThoseValues() {
            Cddl.Checker m = rule("m", "m = {+ tstr => int}");

            assertThat(m.failures(map("a", "x", "b", true))).containsExactly(
                    "$.a: expected int, found text \"x\"",
                    "$.b: expected int, found true");
        }

        @Test
        void boundedOccurrencesCountMembers() {
            Cddl.Checker m = rule("m", "m = {2*3 tstr => int}");

            assertThat(m.accepts(map("a", 1, "b", 2))).isTrue();
            assertThat(m.failures(map("a", 1))).containsExactly("$: expected 2 members 2*3 tstr => int, found 1");
            assertThat(m.failures(map("a", 1, "b", 2, "c", 3, "d", 4)))
                    .containsExactly("$.d: unexpected member (the map allows 2*3 tstr => int)");
        }

        @Test
        void aCaretTypeKeyCutsOnEveryMemberItsKeyMatches() {
            Cddl.Checker m = rule("m", "m = {* tstr ^ => int, * any => any}");

            assertThat(m.accepts(map("a", 1, 2, "x"))).isTrue();
            assertThat(m.failures(map("a", "x"))).containsExactly("$.a: expected int, found text \"x\"");
        }

        @Test
        void aTypeKeyCanBeARangeOrAChoice() {
            Cddl.Checker m = rule("m", "m = {* (1..9 / \"x\") => tstr}");

            assertThat(m.accepts(map(1, "a", 9, "b", "x", "c"))).isTrue();
            assertThat(m.failures(map(10, "a"))).containsExactly("$.10: unexpected member (the map allows * 1..9 / \"x\" => tstr)");
        }
    }

    @Nested
    class GroupChoicesAndSplices {

        @Test
        void aGroupChoiceTakesEitherSetOfMembersButNotBoth() {
            Cddl.Checker m = rule("m", "m = {id: int // name: tstr, ? alias: tstr}");

            assertThat(m.accepts(map("id", 1))).isTrue();
            assertThat(m.accepts(map("name", "n", "alias", "a"))).isTrue();
            assertThat(m.failures(map("id", 1, "name", "n")))
                    .containsExactly("$.name: unexpected member (the map allows id: int // name: tstr, ? alias: tstr)");
            assertThat(m.failures(map("id", 1, "alias", "a")))
                    .containsExactly("$.alias: unexpected member (the map allows id: int // name: tstr, ? alias: tstr)");
        }

        @Test
        void aGroupChoiceReportsTheAlternativeThatGotFurthest() {
            Cddl.Checker m = rule("m", "m = {id: int, kind: \"a\" // name: tstr, size: uint, kind: \"b\"}");

            assertThat(m.failures(map("name", "n", "size", 1, "kind", "a")))
                    .containsExactly("$.kind: expected \"b\", found text \"a\"");
            assertThat(m.failures(map())).containsExactly("$: missing member id: int", "$: missing member kind: \"a\"");
        }

        @Test
        void anInlineGroupSplicesItsMembers() {
            Cddl.Checker m = rule("m", "m = {(x: int, y: int), ? (z: int)}");

            assertThat(m.accepts(map("x", 1, "y", 2))).isTrue();
            assertThat(m.accepts(map("x", 1, "y", 2, "z", 3))).isTrue();
            assertThat(m.failures(map("x", 1))).containsExactly("$: missing member y: int");
        }

        @Test
        void aGroupRuleSplicesIntoSeveralMaps() {
            Cddl.Checker m = rule("m", """
                    m = {common, kind: "m"}
                    common = (id: uint, ? note: tstr)
                    """);

            assertThat(m.accepts(map("id", 1, "kind", "m"))).isTrue();
            assertThat(m.failures(map("id", -1, "kind", "m"))).containsExactly("$.id: expected uint, found nint -1");
            assertThat(m.failures(map("kind", "m"))).containsExactly("$: missing member id: uint");
        }

        @Test
        void anOptionalSplicedGroupIsAllOrNothing() {
            Cddl.Checker m = rule("m", """
                    m = {? range, z: int}
                    range = (from: int, to: int)
                    """);

            assertThat(m.accepts(map("z", 0))).isTrue();
            assertThat(m.accepts(map("from", 1, "to", 2, "z", 0))).isTrue();
            assertThat(m.failures(map("from", 1, "z", 0)))
                    .containsExactly("$.from: unexpected member (the map allows ? range, z: int)");
        }

        @Test
        void aGroupWithGroupChoiceAdditionsIsAChoiceOfAlternatives() {
            Cddl.Checker m = rule("m", """
                    m = {kind}
                    kind = (circle: uint)
                    kind //= (square: uint)
                    """);

            assertThat(m.accepts(map("circle", 1))).isTrue();
            assertThat(m.accepts(map("square", 1))).isTrue();
            assertThat(m.failures(map("circle", 1, "square", 1)))
                    .containsExactly("$.square: unexpected member (the map allows kind)");
        }

        @Test
        void aGroupThatSplicesItselfEndsInsteadOfOverflowingTheStack() {
            // Before the fix this threw StackOverflowError: splicing into maps had no depth limit. Then it went
            // 512 levels deep on every map, and the depth limit showed among the failures.
            Cddl.Checker m = rule("m", """
                    m = {g}
                    g = (x: int, ? g)
                    """);

            assertThat(m.accepts(map("x", 1))).isTrue();
            assertThat(m.failures(map("x", "s"))).containsExactly("$.x: expected int, found text \"s\"");
        }

        @Test
        void nestedMapsReportFullPaths() {
            Cddl.Checker m = rule("m", """
                    m = {outer: {inner: {leaf: uint}}}
                    """);

            assertThat(m.failures(map("outer", map("inner", map("leaf", "x")))))
                    .containsExactly("$.outer.inner.leaf: expected uint, found text \"x\"");
        }
    }
}
