package dev.runtape.verifier.cose;

import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A protected header: the map, and the exact bytes that carried it. Built headers are encoded deterministically;
 * received headers keep the bytes as they came, since the signature covers those.
 */
public final class ProtectedHeader {

    /** No protected parameters: encoded as a zero-length byte string (RFC 9052 §3). */
    public static final ProtectedHeader EMPTY = new ProtectedHeader(new byte[0], CborMap.EMPTY);

    private final byte[] encoded;
    private final CborMap map;

    private ProtectedHeader(byte[] encoded, CborMap map) {
        this.encoded = encoded;
        this.map = map;
    }

    /** The header holding {@code map}, in the deterministic encoding. */
    public static ProtectedHeader of(CborMap map) {
        return map.size() == 0 ? EMPTY : new ProtectedHeader(map.encode(), map);
    }

    /**
     * The header carried in {@code encoded}: empty, or one encoded map (any well-formed encoding).
     *
     * @throws FormatException if the bytes are not a single CBOR map
     */
    public static ProtectedHeader decode(byte[] encoded) throws FormatException {
        if (encoded.length == 0) {
            return EMPTY;
        }
        CborValue value = CborInput.decode(encoded, CborProfile.WELL_FORMED, "protected header");
        if (!(value instanceof CborMap map)) {
            throw new FormatException("protected header: expected a map, found " + value);
        }
        return new ProtectedHeader(encoded.clone(), map);
    }

    public CborMap map() {
        return map;
    }

    /** The bytes as carried in the message. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The bytes that go into the Sig_structure. RFC 9052 §4.4: "If there are no protected attributes, a zero-length
     * byte string is used", so a received empty map ({@code h'a0'}) is signed as {@code h''}; cose-wg's
     * sign-pass-01 vector relies on this.
     */
    byte[] signedBytes() {
        return map.size() == 0 ? new byte[0] : encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtectedHeader that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return map + " (h'" + HexFormat.of().formatHex(encoded) + "')";
    }
}
