package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A map's entries by position, for small (scanned) and large (hashed) maps alike, decoded or built. */
class CborMapPositionsTest {

    private static CborMap built(int size) {
        CborMap.Builder builder = CborMap.builder();
        for (int i = 0; i < size; i++) {
            builder.put("k" + (size - i), CborInteger.of(i)); // not in sorted order
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 17, 200})
    void entriesAreReachedByPositionInTheOrderTheyWereGiven(int size) {
        CborMap map = built(size);
        List<CborValue> keys = new ArrayList<>();
        List<CborValue> values = new ArrayList<>();
        for (int i = 0; i < map.size(); i++) {
            keys.add(map.keyAt(i));
            values.add(map.valueAt(i));
        }

        assertThat(keys).containsExactlyElementsOf(map.entries().keySet());
        assertThat(values).containsExactlyElementsOf(map.entries().values());
        for (int i = 0; i < map.size(); i++) {
            assertThat(map.indexOf(map.keyAt(i))).isEqualTo(i);
        }
        assertThat(map.indexOf(CborTextString.of("absent"))).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 17, 200})
    void aDecodedMapKeepsTheOrderOfItsEncodingAndEqualsTheBuiltOne(int size) throws CborException {
        CborMap map = built(size);
        CborMap decoded = (CborMap) CborDecoder.decode(map.encode());

        for (int i = 1; i < decoded.size(); i++) {
            assertThat(Arrays.compareUnsigned(decoded.keyAt(i - 1).encode(), decoded.keyAt(i).encode())).isNegative();
        }
        assertThat(decoded).isEqualTo(map).hasSameHashCodeAs(map);
        assertThat(decoded.get("k1")).contains(CborInteger.of(size - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 40})
    void aRepeatedKeyIsStillRefusedWhenReadingAnyWellFormedMap(int size) {
        // An unsorted map (fine under WELL_FORMED) whose last key repeats its first.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xb8);
        out.write(size);
        for (int i = 0; i < size - 1; i++) {
            out.writeBytes(CborTextString.of("key" + (size - i)).encode());
            out.write(0x00);
        }
        out.writeBytes(CborTextString.of("key" + size).encode());
        out.write(0x01);

        assertThatThrownBy(() -> CborDecoder.decode(out.toByteArray(), CborProfile.WELL_FORMED))
                .isInstanceOf(CborException.class).hasMessageContaining("duplicate map key \"key" + size + "\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5})
    void aPositionOutsideTheMapIsRefused(int position) {
        CborMap map = built(5);

        assertThatThrownBy(() -> map.keyAt(position)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100})
    void aMapGivenAsAnyJavaMapIsCopiedNotShared(int size) {
        Map<CborValue, CborValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            entries.put(CborInteger.of(i), CborTextString.of("v" + i));
        }
        CborMap map = new CborMap(entries);
        entries.clear();

        assertThat(map.size()).isEqualTo(size);
        assertThat(map.valueAt(size - 1)).isEqualTo(CborTextString.of("v" + (size - 1)));
    }
}
