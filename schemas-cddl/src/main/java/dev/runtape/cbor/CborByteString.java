package dev.runtape.cbor;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A major type 2 byte string. The bytes are copied in and out, so the value stays immutable. A class rather than a
 * record so that it can keep its keyed hash code, which is dear to compute.
 */
public final class CborByteString implements CborValue {

    private final byte[] bytes;
    private int hash; // 0 until computed; a benign race, as in String

    public CborByteString(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A byte string of {@code bytes}, which the caller hands over and no longer touches (the decoder's own copy). */
    static CborByteString adopting(byte[] bytes) {
        return new CborByteString(bytes, true);
    }

    /** The flag only tells this constructor apart from the public one, which copies. */
    private CborByteString(byte[] bytes, boolean adopted) {
        this.bytes = bytes;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The length in bytes, without copying. */
    public int length() {
        return bytes.length;
    }

    /** The bytes themselves, for the encoder: read only, never handed out of the package. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CborByteString that && Arrays.equals(bytes, that.bytes);
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide; computed once. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = KeyedHash.start(2).add(bytes).finish() | 1;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "h'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
