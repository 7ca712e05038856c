package dev.runtape.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.content.CorruptContentException;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisclosuresTest {

    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @TempDir
    Path dir;

    private LocalDirectoryContentStore store;
    private Disclosures disclosures;

    @BeforeEach
    void open() throws Exception {
        store = LocalDirectoryContentStore.open(dir);
        disclosures = new Disclosures(store, new SecureRandom());
    }

    private Path fileOf(Digest digest) {
        String hex = digest.hex();
        return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Test
    void aDisclosureIsTheDeterministicArrayOfSaltAndValue() {
        Disclosure disclosure = Disclosure.of(SALT, CborTextString.of("hi"));
        // 82: array(2); 50: bytes(16); 62 6869: text "hi"
        assertThat(HexFormat.of().formatHex(disclosure.encode()))
                .isEqualTo("8250000102030405060708090a0b0c0d0e0f626869");
        assertThat(disclosure.digest()).isEqualTo(Digest.sha256(disclosure.encode()));
        assertThat(RuntapeSchemas.validator("disclosure").validate(CborArray.of(new CborByteString(SALT),
                CborTextString.of("hi"))).isValid()).isTrue();
    }

    @Test
    void aDisclosureDecodesFromItsEncodingOnly() throws Exception {
        Disclosure disclosure = Disclosure.of(SALT, CborMap.builder().put("a", CborInteger.of(1)).build());
        assertThat(Disclosure.decode(disclosure.encode())).isEqualTo(disclosure);
        assertThatThrownBy(() -> Disclosure.decode(CborArray.of(new CborByteString(new byte[15]),
                CborTextString.of("x")).encode()))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("disclosure: expected a 16-byte salt");
        assertThatThrownBy(() -> Disclosure.decode(CborTextString.of("x").encode()))
                .hasMessage("disclosure: expected an array of 2 items [salt, value], found \"x\"");
        // the same array with the text's length in a long head: well-formed, not deterministic
        byte[] longHead = HexFormat.of().parseHex("8250000102030405060708090a0b0c0d0e0f78026869");
        assertThatThrownBy(() -> Disclosure.decode(longHead)).hasMessageStartingWith("disclosure: at byte 18");
    }

    @Test
    void aDisclosedTextIsStoredUnderTheDigestItsReferenceGives() throws Exception {
        ContentRef ref = disclosures.discloseText("naïve prompt");
        assertThat(ref.mediaType()).isNull();
        assertThat(ref.size()).isEqualTo("naïve prompt".getBytes(StandardCharsets.UTF_8).length);
        byte[] stored = store.get(ref.digest()).orElseThrow();
        assertThat(Digest.sha256(stored)).isEqualTo(ref.digest());
        assertThat(Disclosure.decode(stored).value()).isEqualTo(CborTextString.of("naïve prompt"));
        assertThat(RuntapeSchemas.validator("content-ref").validate(PayloadCodec.encode(ref)).isValid()).isTrue();
    }

    @Test
    void theSameTextDisclosedTwiceHasTwoDigests() throws Exception {
        assertThat(disclosures.discloseText("yes").digest()).isNotEqualTo(disclosures.discloseText("yes").digest());
    }

    @Test
    void disclosedBytesCarryTheirMediaType() throws Exception {
        byte[] diff = "--- a\n+++ b\n".getBytes(StandardCharsets.UTF_8);
        ContentRef ref = disclosures.discloseBytes(diff, "text/x-diff");
        assertThat(ref).isEqualTo(new ContentRef(ref.digest(), "text/x-diff", (long) diff.length));
        OpenedDisclosure opened = disclosures.open(ref);
        assertThat(opened).isInstanceOfSatisfying(OpenedDisclosure.Revealed.class,
                revealed -> assertThat(revealed.disclosure().value()).isEqualTo(new CborByteString(diff)));
    }

    @Test
    void anyCborValueCanBeDisclosed() throws Exception {
        CborMap value = CborMap.builder().put("exit-code", CborInteger.of(1)).put("stdout", CborTextString.of("")).build();
        ContentRef ref = disclosures.disclose(value);
        assertThat(ref.size()).isEqualTo(value.encode().length);
        assertThat(((OpenedDisclosure.Revealed) disclosures.open(ref)).disclosure().value()).isEqualTo(value);
    }

    @Test
    void aDeletedDisclosureIsWithheldNotAnError() throws Exception {
        ContentRef ref = disclosures.discloseText("sk-live-1234");
        store.delete(ref.digest());
        assertThat(disclosures.open(ref)).isEqualTo(new OpenedDisclosure.Withheld(ref.digest()));
    }

    @Test
    void aDamagedDisclosureIsAnErrorNotAWithholding() throws Exception {
        ContentRef ref = disclosures.discloseText("the prompt");
        byte[] bytes = Files.readAllBytes(fileOf(ref.digest()));
        bytes[bytes.length - 1] ^= 0x20;
        Files.write(fileOf(ref.digest()), bytes);
        assertThatThrownBy(() -> disclosures.open(ref)).isInstanceOf(CorruptContentException.class);
    }

    @Test
    void aContentThatIsNotADisclosureIsRefused() throws Exception {
        Digest raw = store.put("raw artifact bytes".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> disclosures.open(ContentRef.of(raw)))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("disclosure: ");
    }

    @Test
    void aReferenceWhoseSizeIsWrongIsRefused() throws Exception {
        ContentRef ref = disclosures.discloseText("four");
        assertThatThrownBy(() -> disclosures.open(new ContentRef(ref.digest(), null, 5L)))
                .isInstanceOf(FormatException.class)
                .hasMessage("disclosure " + ref.digest().hex() + ": the reference gives size 5, the disclosed value "
                        + "has 4 bytes");
    }

    @Test
    void aDisclosureNeverShowsItsValueInText() {
        Disclosure disclosure = Disclosure.of(SALT, CborTextString.of("password123"));
        assertThat(disclosure.toString()).doesNotContain("password123").contains(disclosure.digest().hex());
    }

    @Test
    void theDecoderReadsWhatTheEncoderWrote() throws Exception {
        Disclosure disclosure = Disclosure.of(SALT, CborTextString.of("x"));
        assertThat(CborDecoder.decode(disclosure.encode())).isEqualTo(CborArray.of(new CborByteString(SALT),
                CborTextString.of("x")));
    }
}
