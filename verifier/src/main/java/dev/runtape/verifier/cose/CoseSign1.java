package dev.runtape.verifier.cose;

import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A COSE_Sign1 message: {@code [protected, unprotected, payload / nil, signature]}, optionally under tag 18.
 * Immutable; a parsed message re-encodes to the bytes it came from when they were deterministic.
 */
public final class CoseSign1 {

    /** The CBOR tag of COSE_Sign1 (RFC 9052 §2). */
    public static final long TAG = 18;

    private final ProtectedHeader protectedHeader;
    private final CborMap unprotectedHeader;
    private final byte @Nullable [] payload;
    private final byte[] signature;
    private final boolean tagged;

    CoseSign1(ProtectedHeader protectedHeader, CborMap unprotectedHeader, byte @Nullable [] payload,
            byte[] signature, boolean tagged) {
        this.protectedHeader = protectedHeader;
        this.unprotectedHeader = unprotectedHeader;
        this.payload = payload;
        this.signature = signature;
        this.tagged = tagged;
    }

    /**
     * Parses a COSE_Sign1, tagged (18) or not. Checks the structure only; {@link Sign1Verifier} checks the signature.
     *
     * @throws FormatException if the bytes are not a COSE_Sign1, with what and where
     */
    public static CoseSign1 decode(byte[] bytes) throws FormatException {
        CborValue value = CborInput.decode(bytes, CborProfile.WELL_FORMED, "COSE_Sign1");
        return fromCbor(value);
    }

    /** The COSE_Sign1 held in a decoded CBOR value, as a receipt embeds one. */
    public static CoseSign1 fromCbor(CborValue value) throws FormatException {
        boolean tagged = false;
        if (value instanceof CborTag tag) {
            if (tag.tag() != TAG) {
                throw new FormatException("COSE_Sign1: tag " + Long.toUnsignedString(tag.tag())
                        + " is not the COSE_Sign1 tag " + TAG);
            }
            tagged = true;
            value = tag.content();
        }
        if (!(value instanceof CborArray array) || array.size() != 4) {
            throw new FormatException("COSE_Sign1: expected an array of 4 items, found " + describe(value));
        }
        if (!(array.get(0) instanceof CborByteString protectedBytes)) {
            throw new FormatException("COSE_Sign1: protected header (item 0) must be a byte string, found "
                    + array.get(0));
        }
        if (!(array.get(1) instanceof CborMap unprotected)) {
            throw new FormatException("COSE_Sign1: unprotected header (item 1) must be a map, found " + array.get(1));
        }
        byte[] payload;
        if (array.get(2) instanceof CborByteString attached) {
            payload = attached.bytes();
        } else if (array.get(2).equals(CborSimple.NULL)) {
            payload = null;
        } else {
            throw new FormatException("COSE_Sign1: payload (item 2) must be a byte string or nil, found "
                    + array.get(2));
        }
        if (!(array.get(3) instanceof CborByteString signature)) {
            throw new FormatException("COSE_Sign1: signature (item 3) must be a byte string, found " + array.get(3));
        }
        ProtectedHeader header = ProtectedHeader.decode(protectedBytes.bytes());
        for (CborValue label : header.map().entries().keySet()) {
            if (unprotected.get(label).isPresent()) {
                throw new FormatException("COSE_Sign1: header label " + label
                        + " appears in both the protected and the unprotected header");
            }
        }
        return new CoseSign1(header, unprotected, payload, signature.bytes(), tagged);
    }

    public ProtectedHeader protectedHeader() {
        return protectedHeader;
    }

    public CborMap unprotectedHeader() {
        return unprotectedHeader;
    }

    /** The attached payload, or empty when it is detached. */
    public Optional<byte[]> payload() {
        return payload == null ? Optional.empty() : Optional.of(payload.clone());
    }

    public boolean isDetached() {
        return payload == null;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public boolean isTagged() {
        return tagged;
    }

    /**
     * The algorithm named by the {@code alg} parameter: protected, or else unprotected as RFC 9052 §3.1 allows.
     * Runtape's own statements always protect it; their profile checks that.
     *
     * @throws FormatException if it is missing, not an integer, or not one Runtape supports
     */
    public SignatureAlgorithm algorithm() throws FormatException {
        CborValue alg = protectedHeader.map().get(HeaderLabels.ALG)
                .or(() -> unprotectedHeader.get(HeaderLabels.ALG))
                .orElseThrow(() -> new FormatException("COSE_Sign1: no alg (label 1) in either header"));
        if (!(alg instanceof CborInteger id) || !id.fitsLong()) {
            throw new FormatException("COSE_Sign1: alg must be an integer, found " + alg);
        }
        return SignatureAlgorithm.ofCoseId(id.longValueExact()).orElseThrow(() ->
                new FormatException("COSE_Sign1: unsupported alg " + id + " (supported: -8 EdDSA, -7 ES256, -35 ES384, -36 ES512)"));
    }

    /** The key id from the protected header, or else the unprotected one. */
    public Optional<byte[]> kid() {
        Optional<CborValue> kid = protectedHeader.map().get(HeaderLabels.KID)
                .or(() -> unprotectedHeader.get(HeaderLabels.KID));
        return kid.filter(CborByteString.class::isInstance).map(v -> ((CborByteString) v).bytes());
    }

    /** This message as CBOR, under tag 18 if it was tagged. */
    public CborValue toCbor() {
        CborArray array = CborArray.of(
                new CborByteString(protectedHeader.encoded()),
                unprotectedHeader,
                payload == null ? CborSimple.NULL : new CborByteString(payload),
                new CborByteString(signature));
        return tagged ? new CborTag(TAG, array) : array;
    }

    public byte[] encode() {
        return toCbor().encode();
    }

    /** The same message with another unprotected header: the signature does not cover it. */
    public CoseSign1 withUnprotectedHeader(CborMap unprotected) {
        return new CoseSign1(protectedHeader, unprotected, payload, signature, tagged);
    }

    byte @Nullable [] attachedPayload() {
        return payload;
    }

    private static String describe(CborValue value) {
        return value instanceof CborArray array ? "an array of " + array.size() : value.toString();
    }
}
