package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text strings are read as UTF-8 and refused when they are not; U+FFFD itself is valid text. */
class TextDecodingTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest
    @CsvSource({
        "6161, a",
        "63efbfbd, \uFFFD",
        "66c3a9efbfbd41, é\uFFFDA",
        "64f09f9880, \uD83D\uDE00",
    })
    void validUtf8IsRead(String encoded, String text) throws CborException {
        assertThat(CborDecoder.decode(hex(encoded))).isEqualTo(CborTextString.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "61ff",       // a byte never in UTF-8
        "62c328",     // a lead byte without its continuation
        "63eda080",   // a surrogate written in UTF-8
        "62c0af",     // an overlong encoding of '/'
        "64efbfbdff", // U+FFFD, then a byte never in UTF-8: decoded again strictly
    })
    void malformedUtf8IsRefusedWithItsOffset(String encoded) {
        assertThatThrownBy(() -> CborDecoder.decode(hex(encoded)))
                .isInstanceOf(CborException.class).hasMessage("at byte 0: text string is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7f61616162ff", "7f63efbfbdff"})
    void chunkedTextIsReadWhole(String encoded) throws CborException {
        assertThat(CborDecoder.decode(hex(encoded), CborProfile.WELL_FORMED)).isInstanceOf(CborTextString.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7f61ff61ff", "7f61c361a9ff"})
    void aChunkThatIsNotUtf8OnItsOwnIsRefused(String encoded) {
        // The second splits "é" (c3 a9) between two chunks: each chunk must be UTF-8 by itself (RFC 8949 §3.2.3).
        assertThatThrownBy(() -> CborDecoder.decode(hex(encoded), CborProfile.WELL_FORMED))
                .isInstanceOf(CborException.class).hasMessageEndingWith("text string is not valid UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "6261 | at byte 0: text string of 2 bytes but only 1 byte remains",
        "8161 | at byte 1: text string of 1 bytes but only 0 bytes remain",
        "8361 | at byte 0: array of 3 items but only 1 byte remains",
        "4461 | at byte 0: byte string of 4 bytes but only 1 byte remains",
    })
    void aShortInputIsReportedWithWhatWasDeclared(String encoded, String message) {
        assertThatThrownBy(() -> CborDecoder.decode(hex(encoded))).isInstanceOf(CborException.class).hasMessage(message);
    }
}
