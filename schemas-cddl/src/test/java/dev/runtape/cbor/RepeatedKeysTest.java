package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maps that repeat their text keys through one input decode as if each key were read on its own. */
class RepeatedKeysTest {

    @Test
    void manyMapsWithTheSameKeysDecodeToWhatWasEncoded() throws CborException {
        List<CborValue> steps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            steps.add(CborMap.builder().put("kind", CborTextString.of("message")).put("index", CborInteger.of(i))
                    .put("x" + (i % 7), CborSimple.TRUE).build());
        }
        CborArray array = new CborArray(steps);

        assertThat(CborDecoder.decode(array.encode())).isEqualTo(array);
        assertThat(CborDecoder.decode(array.encode(), CborProfile.WELL_FORMED)).isEqualTo(array);
    }

    @Test
    void keysThatShareLengthAndEndsAreToldApart() throws CborException {
        // "a1z", "a2z", ... all fall on one slot of the cache of keys.
        List<CborValue> maps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            maps.add(CborMap.builder().put("a" + i + "z", CborInteger.of(i)).put("a" + (9 - i) + "z", CborSimple.NULL)
                    .build());
        }
        CborArray array = new CborArray(maps);

        CborArray decoded = (CborArray) CborDecoder.decode(array.encode(), CborProfile.WELL_FORMED);

        assertThat(decoded).isEqualTo(array);
        assertThat(((CborMap) decoded.get(3)).get("a3z")).contains(CborInteger.of(3));
    }

    @Test
    void aMalformedKeyIsRefusedEvenAfterAWellFormedOneOfTheSameShape() {
        // [{"aXb": 0}, {"a\xffb": 0}]
        byte[] input = {(byte) 0x82, (byte) 0xa1, 0x63, 'a', 'X', 'b', 0x00, (byte) 0xa1, 0x63, 'a', (byte) 0xff, 'b', 0x00};

        assertThatThrownBy(() -> CborDecoder.decode(input, CborProfile.WELL_FORMED))
                .isInstanceOf(CborException.class).hasMessage("at byte 8: text string is not valid UTF-8");
    }

    @Test
    void aKeyBeyondTheNestingLimitIsRefusedAsBefore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < CborDecoder.MAX_DEPTH; i++) {
            out.write(0x81);
        }
        out.writeBytes(new byte[] {(byte) 0xa1, 0x61, 'k', 0x00});

        assertThatThrownBy(() -> CborDecoder.decode(out.toByteArray()))
                .isInstanceOf(CborException.class).hasMessage("at byte 65: nested deeper than 64 levels");
    }

    @Test
    void aKeyThatRunsPastTheInputIsReportedAsBefore() {
        byte[] input = {(byte) 0xa1, 0x65, 'a', 'b'};

        assertThatThrownBy(() -> CborDecoder.decode(input))
                .isInstanceOf(CborException.class).hasMessage("at byte 1: text string of 5 bytes but only 2 bytes remain");
    }
}
