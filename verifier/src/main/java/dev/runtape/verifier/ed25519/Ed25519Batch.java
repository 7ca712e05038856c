package dev.runtape.verifier.ed25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 signatures (RFC 8032, pure Ed25519) verified together. With h_i = SHA-512(R_i || A_i || M_i) and random
 * 128-bit z_i, all are valid when [8]([Σ z_i·S_i]B - Σ [z_i]R_i - Σ_A [Σ_{i by A} z_i·h_i]A) is the neutral element:
 * the cofactored check RFC 8032 §5.1.7 allows, for every signature at once. A forged or altered signature makes the
 * sum miss the neutral element unless the z_i happen to cancel its error, which a signer who does not know them
 * achieves with probability about 2^-128. Signatures of one key share one term, so a batch by few keys costs little
 * more than its R_i.
 *
 * <p>Each S must be below the group order and each R and A the canonical encoding of a point, as single verification
 * requires; an entry failing that makes the batch invalid. Not thread-safe: one batch per thread.
 */
public final class Ed25519Batch {

    /** The order of the base point, L = 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** One generator per thread: the workers draw weights at once, and a shared one would make them wait. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private final MessageDigest sha512;
    private final Map<PublicKey, BigInteger> keyScalars = new HashMap<>();
    private final List<EdwardsPoint> points = new ArrayList<>();
    private final List<byte[]> scalars = new ArrayList<>();
    private final byte[] weight = new byte[16];
    private BigInteger baseScalar = BigInteger.ZERO;
    private boolean malformed;
    private int size;

    public Ed25519Batch() {
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** An Ed25519 public key decoded once for many signatures; equal when their encodings are. */
    public static final class PublicKey {

        private final byte[] encoded;
        private final EdwardsPoint negated;

        private PublicKey(byte[] encoded, EdwardsPoint negated) {
            this.encoded = encoded;
            this.negated = negated;
        }

        /**
         * @param encoded its 32 bytes (RFC 8032 §5.1.5)
         * @return null when {@code encoded} is not the canonical encoding of a point of the curve
         */
        public static @Nullable PublicKey decode(byte[] encoded) {
            EdwardsPoint point = encoded.length == 32 ? EdwardsPoint.decode(encoded, 0) : null;
            return point == null ? null : new PublicKey(encoded.clone(), point.negate());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKey that && Arrays.equals(encoded, that.encoded);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encoded);
        }
    }

    /** Adds the 64-byte {@code signature} of {@code message} by {@code key}. */
    public void add(PublicKey key, byte[] message, byte[] signature) {
        size++;
        if (signature.length != 64) {
            malformed = true;
            return;
        }
        BigInteger s = unsigned(signature, 32);
        EdwardsPoint r = EdwardsPoint.decode(signature, 0);
        if (s.compareTo(L) >= 0 || r == null) {
            malformed = true;
            return;
        }
        sha512.update(signature, 0, 32);
        sha512.update(key.encoded);
        sha512.update(message);
        BigInteger h = unsigned(sha512.digest(), 0, 64).mod(L);
        RANDOM.get().nextBytes(weight);
        BigInteger z = unsigned(weight, 0, 16);
        baseScalar = baseScalar.add(z.multiply(s)).mod(L);
        keyScalars.merge(key, z.multiply(h).mod(L), (a, b) -> a.add(b).mod(L));
        points.add(r.negate());
        scalars.add(EdwardsPoint.littleEndian(z));
    }

    /** The signatures added so far. */
    public int size() {
        return size;
    }

    /** Whether every signature added is valid; true for none. */
    public boolean verify() {
        if (malformed) {
            return false;
        }
        if (size == 0) {
            return true;
        }
        List<EdwardsPoint> all = new ArrayList<>(points.size() + keyScalars.size() + 1);
        List<byte[]> coefficients = new ArrayList<>(all.size());
        all.addAll(points);
        coefficients.addAll(scalars);
        for (Map.Entry<PublicKey, BigInteger> key : keyScalars.entrySet()) {
            all.add(key.getKey().negated);
            coefficients.add(EdwardsPoint.littleEndian(key.getValue()));
        }
        all.add(EdwardsPoint.BASE);
        coefficients.add(EdwardsPoint.littleEndian(baseScalar));
        EdwardsPoint sum = MultiScalar.sum(all, coefficients);
        EdwardsPoint.Scratch scratch = new EdwardsPoint.Scratch();
        for (int i = 0; i < 3; i++) {
            sum.twice(false, scratch);
        }
        return sum.isIdentity();
    }

    private static BigInteger unsigned(byte[] littleEndian, int offset) {
        return unsigned(littleEndian, offset, 32);
    }

    private static BigInteger unsigned(byte[] littleEndian, int offset, int length) {
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = littleEndian[offset + length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }
}
