package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static dev.runtape.schemas.cddl.Cddl.tag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unwrapping ({@code ~}, RFC 8610 §3.7) and enumerations from groups ({@code &}, §3.5.4 and §2.2.2). */
class UnwrapAndEnumerationsTest {

    @Test
    void unwrappingAMapSplicesItsMembersIntoAnotherMap() {
        Cddl.Checker extended = rule("extended", """
                extended = {~base, z: int}
                base = {x: int, ? y: int}
                """);

        assertThat(extended.accepts(map("x", 1, "z", 3))).isTrue();
        assertThat(extended.accepts(map("x", 1, "y", 2, "z", 3))).isTrue();
        assertThat(extended.failures(map("z", 3))).containsExactly("$: missing member x: int");
        assertThat(extended.failures(map("x", 1))).containsExactly("$: missing member z: int");
    }

    @Test
    void unwrappingAnArraySplicesItsItemsIntoAnotherArray() {
        Cddl.Checker longer = rule("longer", """
                longer = [~pair, tstr]
                pair = [int, int]
                """);

        assertThat(longer.accepts(arr(1, 2, "a"))).isTrue();
        assertThat(longer.failures(arr(1, "a"))).containsExactly("$[1]: expected int, found text \"a\"");
        assertThat(longer.failures(arr(arr(1, 2), "a"))).containsExactly("$[0]: expected int, found array of 2 items");
    }

    @Test
    void unwrappingAGenericMapSplicesItWithItsArguments() {
        Cddl.Checker named = rule("named", """
                named = {~box<int>, name: tstr}
                box<t> = {value: t}
                """);

        assertThat(named.accepts(map("value", 1, "name", "n"))).isTrue();
        assertThat(named.failures(map("value", "1", "name", "n"))).containsExactly("$.value: expected int, found text \"1\"");
    }

    @Test
    void unwrappingATagGivesItsContent() {
        Cddl.Checker seconds = rule("seconds", """
                seconds = ~epoch
                epoch = #6.1(uint)
                """);

        assertThat(seconds.accepts(5)).isTrue();
        assertThat(seconds.failures(tag(1, 5))).containsExactly("$: expected seconds (~epoch), found tag 1");
    }

    @Test
    void anUnwrappedMapCannotStandForOneValue() {
        Cddl.Checker wrong = rule("wrong", "wrong = ~m\nm = {x: int}");

        assertThat(wrong.failures(map("x", 1))).containsExactly(
                "$: ~m unwraps a map or array into a group; it cannot stand for one value");
    }

    @Test
    void anEnumerationOfAGroupTakesTheValuesOfItsEntries() {
        Cddl.Checker colour = rule("colour", """
                colour = &colours
                colours = (red: 1, green: 2, blue: 3)
                """);

        assertThat(colour.accepts(1)).isTrue();
        assertThat(colour.accepts(3)).isTrue();
        assertThat(colour.failures(4)).containsExactly("$: expected colour (&colours), found uint 4");
        assertThat(colour.failures("red")).containsExactly("$: expected colour (&colours), found text \"red\"");
    }

    @Test
    void anInlineEnumerationWorksToo() {
        Cddl.Checker level = rule("level", "level = &(low: \"l\", high: \"h\")");

        assertThat(level.accepts("h")).isTrue();
        assertThat(level.failures("m")).containsExactly("$: expected level (&(low: \"l\", high: \"h\")), found text \"m\"");
    }

    @Test
    void anEnumerationTakesSplicedGroupsAndGroupChoices() {
        Cddl.Checker status = rule("status", """
                status = &all-statuses
                all-statuses = (ok-statuses, failed: 9)
                ok-statuses = (done: 0 // skipped: 1)
                """);

        assertThat(status.accepts(0)).isTrue();
        assertThat(status.accepts(1)).isTrue();
        assertThat(status.accepts(9)).isTrue();
        assertThat(status.failures(5)).containsExactly("$: expected status (&all-statuses), found uint 5");
    }

    @Test
    void anEnumerationMayListTypesNotOnlyValues() {
        Cddl.Checker id = rule("id", "id = &(number: uint, name: tstr)");

        assertThat(id.accepts(7)).isTrue();
        assertThat(id.accepts("seven")).isTrue();
        assertThat(id.failures(-7)).containsExactly("$: expected id (&(number: uint, name: tstr)), found nint -7");
    }

    @Test
    void anEnumerationOfOneValueIsAMapKey() {
        Cddl.Checker header = rule("header", "header = {&(alg: 1) => int, * int => any}");

        assertThat(header.accepts(map(1, -7, 5, "x"))).isTrue();
        assertThat(header.failures(map(2, -7))).containsExactly("$: missing member &(alg: 1) => int");
    }
}
