package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.compileError;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ranges of integers and floats, inclusive and exclusive, with literal or named bounds (RFC 8610 §3.1). */
class RangesTest {

    @Test
    void anInclusiveIntegerRangeTakesBothBounds() {
        Cddl.Checker port = rule("port", "port = 1..65535");

        assertThat(port.accepts(1)).isTrue();
        assertThat(port.accepts(65535)).isTrue();
        assertThat(port.failures(0)).containsExactly("$: expected port (1..65535), found uint 0");
        assertThat(port.failures(65536)).containsExactly("$: expected port (1..65535), found uint 65536");
    }

    @Test
    void anExclusiveIntegerRangeLeavesOutItsUpperBound() {
        Cddl.Checker digit = rule("digit", "digit = 0...10");

        assertThat(digit.accepts(0)).isTrue();
        assertThat(digit.accepts(9)).isTrue();
        assertThat(digit.failures(10)).containsExactly("$: expected digit (0...10), found uint 10");
    }

    @Test
    void negativeBoundsWork() {
        Cddl.Checker offset = rule("offset", "offset = -12..14");

        assertThat(offset.accepts(-12)).isTrue();
        assertThat(offset.failures(-13)).containsExactly("$: expected offset (-12..14), found nint -13");
    }

    @Test
    void anIntegerRangeTakesNoFloatsAndAFloatRangeNoIntegers() {
        assertThat(rule("r", "r = 1..10").failures(5.0)).containsExactly("$: expected r (1..10), found float 5.0");
        assertThat(rule("r", "r = 1.0..10.0").failures(5)).containsExactly("$: expected r (1.0..10.0), found uint 5");
    }

    @Test
    void aFloatRangeComparesExactly() {
        Cddl.Checker unit = rule("unit", "unit = 0.0..1.0");
        Cddl.Checker below = rule("below", "below = 0.0...1.0");

        assertThat(unit.accepts(1.0)).isTrue();
        assertThat(unit.accepts(0.5)).isTrue();
        assertThat(unit.failures(1.0000001)).containsExactly("$: expected unit (0.0..1.0), found float 1.0000001");
        assertThat(below.failures(1.0)).containsExactly("$: expected below (0.0...1.0), found float 1.0");
        assertThat(below.failures(Double.NaN)).containsExactly("$: expected below (0.0...1.0), found float NaN");
    }

    @Test
    void boundsMayBeNamesOfLiterals() {
        Cddl.Checker level = rule("level", """
                level = min-level .. max-level
                min-level = 1
                max-level = 5
                """);

        assertThat(level.accepts(5)).isTrue();
        assertThat(level.failures(6)).containsExactly("$: expected level (min-level..max-level), found uint 6");
    }

    @Test
    void boundsThatAreNotNumbersAreReportedWhenTheSchemaCompiles() {
        assertThat(compileError("weird = 1 .. high\nhigh = int")).isEqualTo(
                "test.cddl:1:9: the range 1..high needs numbers as bounds; high is not one");
        assertThat(compileError("weird = \"a\"..\"z\"")).isEqualTo(
                "test.cddl:1:9: the range \"a\"..\"z\" needs numbers as bounds; \"a\" is not one");
    }

    @Test
    void boundsOfDifferentKindsAreReportedWhenTheSchemaCompiles() {
        assertThat(compileError("mixed = 1..2.5")).isEqualTo(
                "test.cddl:1:9: the range 1..2.5 mixes an integer and a float bound; write both as integers or both"
                        + " as floats");
    }

    @Test
    void boundsGivenAsGenericArgumentsAreCheckedWhenMatched() {
        Cddl.Checker between = rule("between", "between = within<0, 9>\nwithin<lo, hi> = lo .. hi");
        Cddl.Checker notNumbers = rule("bad", "bad = within<\"a\", 9>\nwithin<lo, hi> = lo .. hi");

        assertThat(between.accepts(9)).isTrue();
        assertThat(between.failures(10)).containsExactly("$: expected between (within<0, 9>), found uint 10");
        assertThat(notNumbers.failures(1)).containsExactly("$: expected bad (within<\"a\", 9>), found uint 1");
    }

    @Test
    void namesJoinedByDotsWithoutSpacesAreOneUndefinedNameWithAHint() {
        assertThat(compileError("level = lo..hi\nlo = 1\nhi = 5")).isEqualTo(
                "test.cddl:1:9: undefined name lo..hi (names may hold dots: a range between names needs spaces, as in"
                        + " lo .. hi)");
    }

    @Test
    void aRangeWorksAsAMapValueAndKey() {
        Cddl.Checker m = rule("m", "m = {* 0..9 => 100..199}");

        assertThat(m.accepts(map(0, 100, 9, 199))).isTrue();
        assertThat(m.failures(map(1, 200))).containsExactly("$.1: expected 100..199, found uint 200");
    }
}
