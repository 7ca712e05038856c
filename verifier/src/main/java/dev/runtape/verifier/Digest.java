package dev.runtape.verifier;

import dev.runtape.cbor.CborByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 digest: exactly 32 bytes, immutable, compared by content.
 *
 * <p>Merkle nodes and roots, statement chain links ({@code prev}), key thumbprints and content addresses are all
 * digests of this one kind.
 */
public final class Digest implements Comparable<Digest> {

    /** The length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    /** Thirty-two zero bytes: the {@code prev} of the first statement of a stream. */
    public static final Digest ZERO = new Digest(new byte[LENGTH]);

    /** Never fed: only cloned. */
    private static final MessageDigest SHA256 = sha256Instance();
    private static final ThreadLocal<MessageDigest> ONE_SHOT = ThreadLocal.withInitial(Digest::newSha256);

    private final byte[] bytes;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The digest held in {@code bytes}.
     *
     * @throws FormatException if {@code bytes} is not exactly 32 bytes long
     */
    public static Digest of(byte[] bytes) throws FormatException {
        if (bytes.length != LENGTH) {
            throw new FormatException("expected a " + LENGTH + "-byte SHA-256 digest, found " + bytes.length + " bytes");
        }
        return new Digest(bytes.clone());
    }

    /**
     * The digest a CBOR byte string holds, copied once.
     *
     * @throws FormatException if it is not exactly 32 bytes long
     */
    public static Digest of(CborByteString bytes) throws FormatException {
        if (bytes.length() != LENGTH) {
            throw new FormatException("expected a " + LENGTH + "-byte SHA-256 digest, found " + bytes.length() + " bytes");
        }
        return new Digest(bytes.bytes());
    }

    /** The digest in the 32 bytes of {@code bytes} from {@code offset}, copied. */
    public static Digest copyOf(byte[] bytes, int offset) {
        return new Digest(Arrays.copyOfRange(bytes, offset, Math.addExact(offset, LENGTH)));
    }

    /**
     * The first four bytes, big-endian: a hash for tables of digests, which are uniformly distributed (unless chosen
     * by someone who wants a table slow).
     */
    public int leadingInt() {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    /** Writes the 32 bytes into {@code into} from {@code offset}: a copy without an array of its own. */
    public void copyTo(byte[] into, int offset) {
        System.arraycopy(bytes, 0, into, offset, LENGTH);
    }

    /** Whether the 32 bytes of {@code bytes} from {@code offset} are this digest's. */
    public boolean matches(byte[] bytes, int offset) {
        return Arrays.equals(this.bytes, 0, LENGTH, bytes, offset, offset + LENGTH);
    }

    /**
     * The digest written as 64 hexadecimal digits.
     *
     * @throws FormatException if {@code hex} is not 64 hexadecimal digits
     */
    public static Digest ofHex(String hex) throws FormatException {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new FormatException("not a hexadecimal digest: " + e.getMessage(), e);
        }
        return of(bytes);
    }

    /** SHA-256 of {@code data}. */
    public static Digest sha256(byte[] data) {
        MessageDigest sha256 = oneShot();
        return new Digest(sha256.digest(data));
    }

    /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
    public static Digest sha256(byte[] data, int offset, int length) {
        MessageDigest sha256 = oneShot();
        sha256.update(data, offset, length);
        return new Digest(sha256.digest());
    }

    /** SHA-256 of {@code prefix} followed by {@code data}, without copying them together. */
    public static Digest sha256(byte prefix, byte[] data) {
        MessageDigest sha256 = oneShot();
        sha256.update(prefix);
        sha256.update(data);
        return new Digest(sha256.digest());
    }

    /** SHA-256 of {@code prefix ‖ left ‖ right}: the shape of an RFC 9162 interior node. */
    public static Digest sha256(byte prefix, Digest left, Digest right) {
        MessageDigest sha256 = oneShot();
        sha256.update(prefix);
        sha256.update(left.bytes);
        sha256.update(right.bytes);
        return new Digest(sha256.digest());
    }

    /** The digest {@code sha256}, a SHA-256 instance fed elsewhere, ends with; it is reset. */
    public static Digest finish(MessageDigest sha256) {
        if (sha256.getDigestLength() != LENGTH) {
            throw new IllegalArgumentException("not a SHA-256 instance: " + sha256.getAlgorithm());
        }
        return new Digest(sha256.digest());
    }

    /**
     * A fresh JDK SHA-256 instance. The JDK's implementation is hardware accelerated here and about eight times
     * faster than Bouncy Castle's (ENVIRONMENT.md), so every digest in Runtape comes from it.
     */
    public static MessageDigest newSha256() {
        try {
            // A clone of an untouched instance: the provider lookup of getInstance costs more than hashing a node.
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Instance();
        }
    }

    /**
     * This thread's SHA-256 instance for the one-shot digests above, reset: a clone per digest was a tenth of what
     * verifying a bundle allocated.
     */
    private static MessageDigest oneShot() {
        MessageDigest sha256 = ONE_SHOT.get();
        sha256.reset();
        return sha256;
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 32 bytes in lower-case hexadecimal. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        // Digests are public values: a comparison that stops at the first difference gives nothing away.
        return other instanceof Digest that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Digest other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
