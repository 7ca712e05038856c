package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static dev.runtape.schemas.cddl.Cddl.simple;
import static dev.runtape.schemas.cddl.Cddl.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborSimple;
import org.junit.jupiter.api.Test;

/** Tags ({@code #6.n(type)}) and major types with and without arguments (RFC 8610 §3.6, §2.2.3). */
class TagsAndMajorTypesTest {

    @Test
    void aTagMatchesItsNumberAndItsContent() {
        Cddl.Checker epoch = rule("epoch", "epoch = #6.1(int)");

        assertThat(epoch.accepts(tag(1, 1_700_000_000))).isTrue();
        assertThat(epoch.failures(tag(1, "now"))).containsExactly("$: expected int, found text \"now\"");
    }

    @Test
    void anotherTagNumberIsReported() {
        Cddl.Checker epoch = rule("epoch", "epoch = #6.1(int)");

        assertThat(epoch.failures(tag(2, 1))).containsExactly("$: expected epoch (#6.1(int)), found tag 2");
        assertThat(epoch.failures(1)).containsExactly("$: expected epoch (#6.1(int)), found uint 1");
    }

    @Test
    void theContentOfATagIsReportedAtTheTagsPath() {
        Cddl.Checker signed = rule("signed", "signed = {sig: #6.18([bstr, {}, bstr / nil, bstr])}");

        assertThat(signed.failures(map("sig", tag(18, arr(bytes(""), map(), null, "sig")))))
                .containsExactly("$.sig[3]: expected bstr, found text \"sig\"");
    }

    @Test
    void aTagWithoutANumberTakesAnyTag() {
        Cddl.Checker tagged = rule("tagged", "tagged = #6(int)");

        assertThat(tagged.accepts(tag(1, 5))).isTrue();
        assertThat(tagged.accepts(tag(99999, -5))).isTrue();
        assertThat(tagged.failures(tag(7, "x"))).containsExactly("$: expected int, found text \"x\"");
        assertThat(tagged.failures(5)).containsExactly("$: expected tagged (#6(int)), found uint 5");
    }

    @Test
    void largeTagNumbersWork() {
        assertThat(rule("magic", "magic = #6.55799(any)").accepts(tag(55799, map()))).isTrue();
        assertThat(rule("huge", "huge = #6.18446744073709551615(any)").accepts(tag(-1L, 0))).isTrue();
    }

    @Test
    void bareMajorTypesTakeEveryItemOfThatType() {
        assertThat(rule("t", "t = #0").accepts(7)).isTrue();
        assertThat(rule("t", "t = #1").accepts(-7)).isTrue();
        assertThat(rule("t", "t = #2").accepts(bytes("00"))).isTrue();
        assertThat(rule("t", "t = #3").accepts("x")).isTrue();
        assertThat(rule("t", "t = #4").accepts(arr(1, "a"))).isTrue();
        assertThat(rule("t", "t = #5").accepts(map("a", 1))).isTrue();
        assertThat(rule("t", "t = #6").accepts(tag(3, bytes("01")))).isTrue();
        assertThat(rule("t", "t = #7").accepts(1.5)).isTrue();
        assertThat(rule("t", "t = #7").accepts(CborSimple.UNDEFINED)).isTrue();
        assertThat(rule("t", "t = #").accepts(tag(3, "anything"))).isTrue();
        assertThat(rule("t", "t = #4").failures(map())).containsExactly("$: expected t (#4), found map of 0 entries");
    }

    @Test
    void majorTypeArgumentsAreValuesLengthsOrSimpleValues() {
        assertThat(rule("t", "t = #0.5").accepts(5)).isTrue();
        assertThat(rule("t", "t = #0.5").failures(6)).containsExactly("$: expected t (#0.5), found uint 6");
        assertThat(rule("t", "t = #1.0").accepts(-1)).isTrue();
        assertThat(rule("t", "t = #2.2").accepts(bytes("0102"))).isTrue();
        assertThat(rule("t", "t = #3.2").failures("é!")).containsExactly("$: expected t (#3.2), found text \"é!\"");
        assertThat(rule("t", "t = #4.1").accepts(arr(arr()))).isTrue();
        assertThat(rule("t", "t = #5.0").accepts(map())).isTrue();
        assertThat(rule("t", "t = #7.20").accepts(false)).isTrue();
        assertThat(rule("t", "t = #7.99").accepts(simple(99))).isTrue();
        assertThat(rule("t", "t = #7.99").failures(simple(98))).containsExactly("$: expected t (#7.99), found simple(98)");
    }
}
