package dev.runtape.schemas.cddl.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Counting UTF-8 bytes agrees with encoding, lone surrogates (which Java encodes as '?') included. */
class Utf8Test {

    @Property(tries = 2000)
    void theCountIsTheLengthOfTheEncoding(@ForAll("texts") String text) {
        assertThat(Utf8.length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('\u0000', '\u007f')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0080', '\u07ff')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0800', '\uffff')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\ud800', '\udfff')));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }
}
