package dev.runtape.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A digest held as four longs behaves as its 32 bytes do: compared, ordered, hashed and copied by them. */
class DigestTest {

    /** FIPS 180-2, appendix B.1: SHA-256 of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static byte[] random(Random random) {
        byte[] bytes = new byte[Digest.LENGTH];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void theSha256OfAbcIsThePublishedOne() throws FormatException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Digest digest = Digest.sha256(abc);

        assertThat(digest.hex()).isEqualTo(ABC);
        assertThat(digest).isEqualTo(Digest.ofHex(ABC)).isEqualTo(Digest.sha256(new byte[] {9, 'a', 'b', 'c', 9}, 1, 3));
        MessageDigest fed = Digest.newSha256();
        fed.update(abc);
        assertThat(Digest.finish(fed)).isEqualTo(digest);
        assertThat(Digest.sha256((byte) 'a', "bc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(digest);
    }

    @Test
    void bytesComeBackAsTheyWentInAndEveryBitCounts() throws FormatException {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = random(random);
            Digest digest = Digest.of(bytes);
            assertThat(digest.bytes()).isEqualTo(bytes);
            assertThat(digest.hex()).isEqualTo(HexFormat.of().formatHex(bytes));
            assertThat(digest.leadingInt()).isEqualTo((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16
                    | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff));
            int bit = random.nextInt(Digest.LENGTH * 8);
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Digest.of(flipped)).as("bit %d flipped", bit).isNotEqualTo(digest);
        }
    }

    @Test
    void equalHashAndOrderAreThoseOfTheBytes() throws FormatException {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            byte[] a = random(random);
            byte[] b = i % 5 == 0 ? a.clone() : random(random);
            if (i % 7 == 0) {
                System.arraycopy(a, 0, b, 0, random.nextInt(Digest.LENGTH)); // a common prefix, bytes above 0x7f
            }
            Digest x = Digest.of(a);
            Digest y = Digest.of(b);
            assertThat(x.hashCode()).isEqualTo(Arrays.hashCode(a));
            assertThat(x.equals(y)).isEqualTo(Arrays.equals(a, b));
            assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
        }
    }

    @Test
    void aDigestIsCopiedFromAndToAnyOffsetWithinTheArray() throws FormatException {
        byte[] bytes = random(new Random(3));
        Digest digest = Digest.of(bytes);
        byte[] into = new byte[Digest.LENGTH + 5];

        digest.copyTo(into, 5);

        assertThat(Arrays.copyOfRange(into, 5, into.length)).isEqualTo(bytes);
        assertThat(Digest.copyOf(into, 5)).isEqualTo(digest);
        assertThat(digest.matches(into, 5)).isTrue();
        assertThat(digest.matches(into, 4)).isFalse();
        assertThatThrownBy(() -> Digest.copyOf(into, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> digest.matches(into, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> digest.copyTo(into, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Digest.of(new byte[31])).isInstanceOf(FormatException.class)
                .hasMessageContaining("31 bytes");
    }

    @Test
    void anInteriorNodeIsTheHashOfItsPrefixAndChildrenTogether() throws FormatException {
        Random random = new Random(5);
        Digest left = Digest.of(random(random));
        Digest right = Digest.of(random(random));
        byte[] together = new byte[1 + 2 * Digest.LENGTH];
        together[0] = 1;
        left.copyTo(together, 1);
        right.copyTo(together, 1 + Digest.LENGTH);

        assertThat(Digest.sha256((byte) 1, left, right)).isEqualTo(Digest.sha256(together))
                .isNotEqualTo(Digest.sha256((byte) 1, right, left));
        assertThat(Digest.ZERO.bytes()).isEqualTo(new byte[Digest.LENGTH]);
    }
}
