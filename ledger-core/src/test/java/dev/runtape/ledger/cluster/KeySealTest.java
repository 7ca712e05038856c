package dev.runtape.ledger.cluster;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.verifier.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing the ledger's signing keys: what was sealed opens only with the same key, for the same kid, unchanged. */
class KeySealTest {

    private static final byte[] PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----".getBytes(US_ASCII);
    private static final Digest KID = Digest.sha256(new byte[] {1});
    private static final Digest OTHER_KID = Digest.sha256(new byte[] {2});

    private static KeySeal seal(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return KeySeal.of(key);
    }

    @Test
    void aSealedKeyOpensWithTheSameSealForTheSameKid() throws Exception {
        byte[] sealed = seal(7).seal(KID, PRIVATE_KEY);

        assertThat(new String(sealed, ISO_8859_1)).doesNotContain(new String(PRIVATE_KEY, ISO_8859_1));
        assertThat(seal(7).open(KID, sealed)).isEqualTo(PRIVATE_KEY);
        assertThat(seal(7).seal(KID, PRIVATE_KEY)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherSealAnotherKidOrOneChangedByteIsRefused() {
        byte[] sealed = seal(7).seal(KID, PRIVATE_KEY);
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> seal(8).open(KID, sealed)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("same sealing key file");
        assertThatThrownBy(() -> seal(7).open(OTHER_KID, sealed)).isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> seal(7).open(KID, changed)).isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> seal(7).open(KID, new byte[10])).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void theSealingKeyFileHoldsThirtyTwoBytesInBase64(@TempDir Path directory) throws Exception {
        Path good = Files.writeString(directory.resolve("good"),
                Base64.getEncoder().encodeToString(new byte[32]) + "\n", US_ASCII);
        Path short16 = Files.writeString(directory.resolve("short"),
                Base64.getEncoder().encodeToString(new byte[16]), US_ASCII);
        Path notBase64 = Files.writeString(directory.resolve("text"), "not base64!", US_ASCII);

        assertThat(KeySeal.read(good).open(KID, KeySeal.read(good).seal(KID, PRIVATE_KEY))).isEqualTo(PRIVATE_KEY);
        assertThatThrownBy(() -> KeySeal.read(short16)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("holds 16 bytes");
        assertThatThrownBy(() -> KeySeal.read(notBase64)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> KeySeal.read(directory.resolve("missing"))).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("cannot read");
    }
}
