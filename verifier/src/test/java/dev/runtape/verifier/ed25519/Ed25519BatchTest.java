package dev.runtape.verifier.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch against Bouncy Castle's single verification, on signatures Bouncy Castle made. */
class Ed25519BatchTest {

    private final Random random = new Random(20261203);

    /** A signature, its message and key, as Bouncy Castle made them. */
    private record Signed(byte[] key, byte[] message, byte[] signature) {

        boolean validAlone() {
            return new Ed25519PublicKeyParameters(key).verify(
                    org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                    signature, 0);
        }
    }

    private List<Signed> signatures(int count, int keys) {
        List<Ed25519PrivateKeyParameters> signers = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            signers.add(new Ed25519PrivateKeyParameters(seed));
        }
        List<Signed> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Ed25519PrivateKeyParameters signer = signers.get(i % keys);
            byte[] message = new byte[random.nextInt(2000)];
            random.nextBytes(message);
            byte[] signature = new byte[64];
            signer.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, signer.generatePublicKey(), null,
                    message, 0, message.length, signature, 0);
            out.add(new Signed(signer.generatePublicKey().getEncoded(), message, signature));
        }
        return out;
    }

    private static boolean batch(List<Signed> signed) {
        Ed25519Batch batch = new Ed25519Batch();
        for (Signed s : signed) {
            Ed25519Batch.PublicKey key = Ed25519Batch.PublicKey.decode(s.key());
            assertThat(key).as("a key Bouncy Castle made decodes").isNotNull();
            batch.add(key, s.message(), s.signature());
        }
        assertThat(batch.size()).isEqualTo(signed.size());
        return batch.verify();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 17, 64, 257})
    void signaturesBouncyCastleAcceptsPassTogether(int count) {
        List<Signed> signed = signatures(count, Math.min(count, 3));
        assertThat(signed).allMatch(Signed::validAlone);
        assertThat(batch(signed)).isTrue();
    }

    @Test
    void manyKeysPassTogether() {
        assertThat(batch(signatures(40, 40))).isTrue();
    }

    @Test
    void anEmptyBatchIsValid() {
        assertThat(new Ed25519Batch().verify()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 31, 32, 40, 63})
    void oneFlippedBitOfOneSignatureFailsTheBatch(int signatureByte) {
        for (int position : new int[] {0, 9, 19}) {
            List<Signed> signed = signatures(20, 2);
            Signed target = signed.get(position);
            byte[] signature = target.signature().clone();
            signature[signatureByte] ^= (byte) (1 << random.nextInt(8));
            signed.set(position, new Signed(target.key(), target.message(), signature));
            assertThat(signed.get(position).validAlone()).isFalse();
            assertThat(batch(signed)).as("byte %d of signature %d flipped", signatureByte, position).isFalse();
        }
    }

    @Test
    void anAlteredMessageFailsTheBatch() {
        List<Signed> signed = signatures(30, 3);
        Signed target = signed.get(11);
        byte[] message = target.message().length == 0 ? new byte[1] : target.message().clone();
        message[message.length / 2] ^= 0x40;
        signed.set(11, new Signed(target.key(), message, target.signature()));
        assertThat(batch(signed)).isFalse();
    }

    @Test
    void aSignatureByAnotherKeyFailsTheBatch() {
        List<Signed> signed = signatures(30, 3);
        Signed target = signed.get(4);
        signed.set(4, new Signed(signed.get(5).key(), target.message(), target.signature()));
        assertThat(batch(signed)).isFalse();
    }

    @Test
    void twoSignaturesSwappedBetweenMessagesFailTheBatch() {
        List<Signed> signed = signatures(10, 1);
        Signed a = signed.get(2);
        Signed b = signed.get(7);
        signed.set(2, new Signed(a.key(), a.message(), b.signature()));
        signed.set(7, new Signed(b.key(), b.message(), a.signature()));
        assertThat(batch(signed)).isFalse();
    }

    @Test
    void anSAtOrAboveTheGroupOrderFailsAsAloneIt() {
        // S + L signs the same equation; RFC 8032 §5.1.7 and Bouncy Castle reject it as not canonical.
        List<Signed> signed = signatures(5, 1);
        Signed target = signed.get(3);
        BigInteger s = new BigInteger(1, reversed(target.signature(), 32)).add(Ed25519Batch.L);
        byte[] signature = target.signature().clone();
        System.arraycopy(EdwardsPoint.littleEndian(s), 0, signature, 32, 32);
        signed.set(3, new Signed(target.key(), target.message(), signature));
        assertThat(signed.get(3).validAlone()).isFalse();
        assertThat(batch(signed)).isFalse();
    }

    @Test
    void anROfNoPointFailsTheBatch() {
        List<Signed> signed = signatures(4, 1);
        Signed target = signed.get(1);
        byte[] signature = target.signature().clone();
        // y = p - 1 + 2 = p + 1 is not canonical; y = 2 has no x on the curve.
        byte[] notCanonical = EdwardsPoint.littleEndian(EdwardsPoint.P.add(BigInteger.ONE));
        System.arraycopy(notCanonical, 0, signature, 0, 32);
        signed.set(1, new Signed(target.key(), target.message(), signature));
        assertThat(batch(signed)).isFalse();
        assertThat(EdwardsPoint.decode(notCanonical, 0)).isNull();
        assertThat(EdwardsPoint.decode(EdwardsPoint.littleEndian(BigInteger.TWO), 0)).isNull();
    }

    @Test
    void aKeyThatIsNoPointDoesNotDecode() {
        assertThat(Ed25519Batch.PublicKey.decode(EdwardsPoint.littleEndian(BigInteger.TWO))).isNull();
        assertThat(Ed25519Batch.PublicKey.decode(new byte[31])).isNull();
    }

    @Test
    void theBasePointEncodesAsRfc8032GivesIt() {
        assertThat(HexFormat.of().formatHex(EdwardsPoint.BASE.encode()))
                .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
    }

    @Test
    void theMultiScalarSumMatchesRepeatedAddition() {
        List<EdwardsPoint> points = new ArrayList<>();
        List<byte[]> scalars = new ArrayList<>();
        EdwardsPoint expected = EdwardsPoint.identity();
        EdwardsPoint.Scratch scratch = new EdwardsPoint.Scratch();
        for (int i = 0; i < 5; i++) {
            EdwardsPoint p = EdwardsPoint.BASE.negate();
            for (int k = 0; k <= i; k++) {
                p.twice(true, scratch);
            }
            int k = 1 + random.nextInt(40);
            points.add(p);
            scalars.add(EdwardsPoint.littleEndian(BigInteger.valueOf(k)));
            for (int j = 0; j < k; j++) {
                expected.add(p.cached(), scratch);
            }
        }
        assertThat(MultiScalar.sum(points, scalars).encode()).isEqualTo(expected.encode());
    }

    @Test
    void theGroupOrderTimesTheBaseIsTheNeutralElement() {
        EdwardsPoint sum = MultiScalar.sum(List.of(EdwardsPoint.BASE), List.of(EdwardsPoint.littleEndian(Ed25519Batch.L)));
        assertThat(sum.isIdentity()).isTrue();
        EdwardsPoint almost = MultiScalar.sum(List.of(EdwardsPoint.BASE),
                List.of(EdwardsPoint.littleEndian(Ed25519Batch.L.subtract(BigInteger.ONE))));
        assertThat(almost.encode()).isEqualTo(EdwardsPoint.BASE.negate().encode());
    }

    private static byte[] reversed(byte[] bytes, int offset) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = bytes[offset + 31 - i];
        }
        return out;
    }
}
