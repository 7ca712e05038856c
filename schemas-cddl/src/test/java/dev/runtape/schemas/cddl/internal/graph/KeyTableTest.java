package dev.runtape.schemas.cddl.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table of a schema's values finds each by content, whatever its kind, and nothing else. */
class KeyTableTest {

    private static final List<CborValue> KEYS = List.of(CborTextString.of("kind"), CborTextString.of("Aa"),
            CborTextString.of("BB"), CborInteger.of(-70001), CborInteger.of(1), new CborByteString(new byte[] {1, 2}),
            new CborFloat(1.5));

    @Test
    void eachValueIsFoundAtItsPositionByAnEqualValue() {
        KeyTable table = new KeyTable(KEYS);

        assertThat(table.indexOf(new CborTextString(new String("kind".toCharArray())))).isEqualTo(0);
        assertThat(table.indexOf(CborTextString.of("Aa"))).isEqualTo(1); // same Java hash code as "BB"
        assertThat(table.indexOf(CborTextString.of("BB"))).isEqualTo(2);
        assertThat(table.indexOf(CborInteger.of(-70001))).isEqualTo(3);
        assertThat(table.indexOf(new CborByteString(new byte[] {1, 2}))).isEqualTo(5);
        assertThat(table.indexOf(new CborFloat(1.5))).isEqualTo(6);
    }

    @Test
    void valuesOfAnotherKindOrContentAreNotFound() {
        KeyTable table = new KeyTable(KEYS);

        assertThat(table.indexOf(CborTextString.of("1"))).isEqualTo(-1);
        assertThat(table.indexOf(new CborFloat(1.0))).isEqualTo(-1);
        assertThat(table.indexOf(CborInteger.of(2))).isEqualTo(-1);
        assertThat(table.indexOf(new CborByteString(new byte[] {1}))).isEqualTo(-1);
    }

    @Test
    void aLargeTableOfCollidingTextsStillFindsEach() {
        List<CborValue> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(CborTextString.of(Integer.toBinaryString(i).replace('0', 'A').replace('1', 'B') + "a"));
        }
        KeyTable table = new KeyTable(keys);

        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.indexOf(keys.get(i))).isEqualTo(i);
        }
    }

    @Test
    void aValueGivenTwiceIsRefused() {
        assertThatThrownBy(() -> new KeyTable(List.of(CborInteger.of(1), CborInteger.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
