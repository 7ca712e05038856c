package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** JSON documents read as the CBOR data model reads JSON (RFC 8610 §1.3, RFC 8949 §6.2). */
class JsonInstancesTest {

    private final Cddl.Checker item = rule("item", """
            item = {
              name: tstr,
              count: uint,
              ? ratio: float,
              ? tags: [* tstr],
              ? flag: bool,
              ? parent: null / item,
            }
            """);

    @Test
    void aJsonObjectValidatesAsAMapWithTextKeys() {
        assertThat(item.acceptsJson("""
                {"name": "a", "count": 2, "ratio": 0.5, "tags": ["x", "y"], "flag": false,
                 "parent": {"name": "p", "count": 0, "parent": null}}
                """)).isTrue();
    }

    @Test
    void failuresInJsonHaveThePathsOfTheDocument() {
        assertThat(item.jsonFailures("""
                {"name": "a", "count": 2, "parent": {"name": "p", "count": -1, "tags": ["x", 3]}}
                """)).containsExactly(
                "$.parent.count: expected uint, found nint -1",
                "$.parent.tags[1]: expected tstr, found uint 3");
    }

    @Test
    void numbersWithAFractionOrExponentAreFloatsOthersIntegers() {
        assertThat(item.jsonFailures("{\"name\": \"a\", \"count\": 2.0}"))
                .containsExactly("$.count: expected uint, found float 2.0");
        assertThat(item.jsonFailures("{\"name\": \"a\", \"count\": 2e0}"))
                .containsExactly("$.count: expected uint, found float 2.0");
        assertThat(item.jsonFailures("{\"name\": \"a\", \"count\": 1, \"ratio\": 1}"))
                .containsExactly("$.ratio: expected float, found uint 1");
    }

    @Test
    void integersBeyondSixtyFourBitsBecomeBignumsInsteadOfThrowing() {
        // Before the fix validate(JsonNode) threw IllegalArgumentException for 2^64 and beyond.
        Cddl.Checker big = rule("big", "big = integer");
        Cddl.Checker small = rule("small", "small = {n: int}");

        assertThat(big.acceptsJson("18446744073709551615")).isTrue();
        assertThat(big.acceptsJson("18446744073709551616")).isTrue();
        assertThat(big.acceptsJson("-18446744073709551617")).isTrue();
        assertThat(small.jsonFailures("{\"n\": 18446744073709551616}")).containsExactly("$.n: expected int, found tag 2");
        assertThat(small.jsonFailures("{\"n\": -18446744073709551617}")).containsExactly("$.n: expected int, found tag 3");
        assertThat(JsonInstances.toCbor(Cddl.json("18446744073709551616"))).isEqualTo(Cddl.tag(2, Cddl.bytes("010000000000000000")));
        assertThat(JsonInstances.toCbor(Cddl.json("-18446744073709551617"))).isEqualTo(Cddl.tag(3, Cddl.bytes("010000000000000000")));
    }

    @Test
    void jsonKeysAreTextSoIntegerKeysNeverMatch() {
        Cddl.Checker labels = rule("labels", "labels = {* int => tstr}");

        assertThat(labels.jsonFailures("{\"1\": \"one\"}"))
                .containsExactly("$.\"1\": unexpected member (the map allows * int => tstr)");
    }

    @Test
    void jsonNullTrueAndFalseAreTheSimpleValues() {
        Cddl.Checker flags = rule("flags", "flags = [nil, true, false]");

        assertThat(flags.acceptsJson("[null, true, false]")).isTrue();
        assertThat(flags.jsonFailures("[null, false, true]")).containsExactly("$[1]: expected true, found false");
    }

    @Test
    void aJsonTopLevelScalarValidates() {
        assertThat(rule("s", "s = tstr .size (1..3)").acceptsJson("\"abc\"")).isTrue();
        assertThat(rule("s", "s = tstr .size (1..3)").jsonFailures("\"abcd\""))
                .containsExactly("$: expected s (tstr .size 1..3), found text \"abcd\"");
    }

    @Test
    void binaryJacksonNodesAreByteStrings() {
        Validator validator = rule("b", "b = bstr .size 2").validator();

        assertThat(validator.validate(JsonNodeFactory.instance.binaryNode(new byte[] {1, 2})).isValid()).isTrue();
    }
}
