package dev.runtape.cbor;

import java.util.Arrays;
import java.util.HexFormat;

/** A major type 2 byte string. The bytes are copied in and out, so the value stays immutable. */
public record CborByteString(byte[] bytes) implements CborValue {

    public CborByteString {
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
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

    @Override
    public int hashCode() {
        return KeyedHash.start(2).add(bytes).finish(); // keyed, so that decoded keys cannot be chosen to collide
    }

    @Override
    public String toString() {
        return "h'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
