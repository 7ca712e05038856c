package dev.runtape.verifier;

import dev.runtape.cbor.CborByteString;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest: exactly 32 bytes, immutable, compared by content.
 *
 * <p>Merkle nodes and roots, statement chain links ({@code prev}), key thumbprints and content addresses are all
 * digests of this one kind.
 *
 * <p>The 32 bytes are held as four big-endian longs in the object itself, not in an array of their own: a bundle's
 * verification makes several digests a statement and compares them on other threads than made them, and one object
 * in place of two is half the allocation and half the cache misses. The bytes' order is the longs' order, so
 * comparing longs unsigned compares the bytes.
 */
public final class Digest implements Comparable<Digest> {

    /** The length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    /** Thirty-two zero bytes: the {@code prev} of the first statement of a stream. */
    public static final Digest ZERO = new Digest(0, 0, 0, 0);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Never fed: only cloned. */
    private static final MessageDigest SHA256 = sha256Instance();
    private static final ThreadLocal<OneShot> ONE_SHOT = ThreadLocal.withInitial(OneShot::new);

    private final long first;
    private final long second;
    private final long third;
    private final long fourth;

    private Digest(long first, long second, long third, long fourth) {
        this.first = first;
        this.second = second;
        this.third = third;
        this.fourth = fourth;
    }

    /** A thread's SHA-256 instance for one-shot digests, and the bytes a digest is finished into before it is read. */
    private static final class OneShot {
        private final MessageDigest sha256 = newSha256();
        private final byte[] scratch = new byte[1 + 2 * LENGTH];
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
        return read(bytes, 0);
    }

    /**
     * The digest a CBOR byte string holds.
     *
     * @throws FormatException if it is not exactly 32 bytes long
     */
    public static Digest of(CborByteString bytes) throws FormatException {
        if (bytes.length() != LENGTH) {
            throw new FormatException("expected a " + LENGTH + "-byte SHA-256 digest, found " + bytes.length() + " bytes");
        }
        return read(bytes.bytes(), 0);
    }

    /** The digest in the 32 bytes of {@code bytes} from {@code offset}, copied. */
    public static Digest copyOf(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
        return read(bytes, offset);
    }

    private static Digest read(byte[] bytes, int offset) {
        return new Digest((long) LONGS.get(bytes, offset), (long) LONGS.get(bytes, offset + 8),
                (long) LONGS.get(bytes, offset + 16), (long) LONGS.get(bytes, offset + 24));
    }

    /**
     * The first four bytes, big-endian: a hash for tables of digests, which are uniformly distributed (unless chosen
     * by someone who wants a table slow).
     */
    public int leadingInt() {
        return (int) (first >>> 32);
    }

    /** Writes the 32 bytes into {@code into} from {@code offset}: a copy without an array of its own. */
    public void copyTo(byte[] into, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, into.length);
        LONGS.set(into, offset, first);
        LONGS.set(into, offset + 8, second);
        LONGS.set(into, offset + 16, third);
        LONGS.set(into, offset + 24, fourth);
    }

    /** Whether the 32 bytes of {@code bytes} from {@code offset} are this digest's. */
    public boolean matches(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
        return first == (long) LONGS.get(bytes, offset) && second == (long) LONGS.get(bytes, offset + 8)
                && third == (long) LONGS.get(bytes, offset + 16) && fourth == (long) LONGS.get(bytes, offset + 24);
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
        return sha256(data, 0, data.length);
    }

    /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
    public static Digest sha256(byte[] data, int offset, int length) {
        OneShot oneShot = oneShot();
        oneShot.sha256.update(data, offset, length);
        return finish(oneShot.sha256, oneShot.scratch);
    }

    /** SHA-256 of {@code prefix} followed by {@code data}, without copying them together. */
    public static Digest sha256(byte prefix, byte[] data) {
        OneShot oneShot = oneShot();
        oneShot.sha256.update(prefix);
        oneShot.sha256.update(data);
        return finish(oneShot.sha256, oneShot.scratch);
    }

    /** SHA-256 of {@code prefix ‖ left ‖ right}: the shape of an RFC 9162 interior node. */
    public static Digest sha256(byte prefix, Digest left, Digest right) {
        OneShot oneShot = oneShot();
        byte[] node = oneShot.scratch;
        node[0] = prefix;
        left.copyTo(node, 1);
        right.copyTo(node, 1 + LENGTH);
        oneShot.sha256.update(node, 0, node.length);
        return finish(oneShot.sha256, node);
    }

    /** The digest {@code sha256}, a SHA-256 instance fed elsewhere, ends with; it is reset. */
    public static Digest finish(MessageDigest sha256) {
        if (sha256.getDigestLength() != LENGTH) {
            throw new IllegalArgumentException("not a SHA-256 instance: " + sha256.getAlgorithm());
        }
        return finish(sha256, ONE_SHOT.get().scratch);
    }

    /** Finishes {@code sha256} into {@code scratch}, which may be what it was fed from, and reads the digest there. */
    private static Digest finish(MessageDigest sha256, byte[] scratch) {
        try {
            sha256.digest(scratch, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest fits 32 bytes", e);
        }
        return read(scratch, 0);
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
    private static OneShot oneShot() {
        OneShot oneShot = ONE_SHOT.get();
        oneShot.sha256.reset();
        return oneShot;
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
        byte[] bytes = new byte[LENGTH];
        copyTo(bytes, 0);
        return bytes;
    }

    /** The 32 bytes in lower-case hexadecimal. */
    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    @Override
    public boolean equals(Object other) {
        // Digests are public values: a comparison that stops at the first difference gives nothing away.
        return other instanceof Digest that && first == that.first && second == that.second && third == that.third
                && fourth == that.fourth;
    }

    /** {@code Arrays.hashCode} of the 32 bytes, as when they were held in an array. */
    @Override
    public int hashCode() {
        return hash(hash(hash(hash(1, first), second), third), fourth);
    }

    private static int hash(int hash, long word) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            hash = 31 * hash + (byte) (word >>> shift);
        }
        return hash;
    }

    @Override
    public int compareTo(Digest other) {
        int compared = Long.compareUnsigned(first, other.first);
        if (compared == 0) {
            compared = Long.compareUnsigned(second, other.second);
        }
        if (compared == 0) {
            compared = Long.compareUnsigned(third, other.third);
        }
        return compared != 0 ? compared : Long.compareUnsigned(fourth, other.fourth);
    }

    @Override
    public String toString() {
        return hex();
    }
}
