package dev.runtape.verifier.cose;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.SigningKey;
import java.util.Objects;

/**
 * Builds and signs one COSE_Sign1. The protected header always carries the signing key's {@code alg} and
 * {@code kid}; other parameters are added with {@link #protectedParameter} and {@link #unprotectedParameter}.
 *
 * <pre>{@code
 * CoseSign1 message = Sign1Builder.signingWith(key)
 *         .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/cbor"))
 *         .sign(payload);
 * }</pre>
 */
public final class Sign1Builder {

    private final SigningKey key;
    private final CborMap.Builder protectedParameters = CborMap.builder();
    private final CborMap.Builder unprotectedParameters = CborMap.builder();
    private byte[] externalAad = new byte[0];
    private boolean detached;
    private boolean tagged = true;

    private Sign1Builder(SigningKey key) {
        this.key = key;
        protectedParameters.put(HeaderLabels.ALG, CborInteger.of(key.algorithm().coseId()));
        protectedParameters.put(HeaderLabels.KID, new CborByteString(key.kid()));
    }

    public static Sign1Builder signingWith(SigningKey key) {
        return new Sign1Builder(Objects.requireNonNull(key, "key"));
    }

    /** Adds a protected parameter. {@code alg} and {@code kid} are set from the key and cannot be given again. */
    public Sign1Builder protectedParameter(long label, CborValue value) {
        protectedParameters.put(label, value);
        return this;
    }

    public Sign1Builder unprotectedParameter(long label, CborValue value) {
        unprotectedParameters.put(label, value);
        return this;
    }

    /** Data the signature covers but the message does not carry (RFC 9052 §4.3). */
    public Sign1Builder externalAad(byte[] aad) {
        this.externalAad = aad.clone();
        return this;
    }

    /** Leaves the payload out of the message (nil); the verifier must be given it. */
    public Sign1Builder detached() {
        this.detached = true;
        return this;
    }

    /** Writes the message without tag 18. */
    public Sign1Builder untagged() {
        this.tagged = false;
        return this;
    }

    /**
     * Signs {@code payload} and returns the message.
     *
     * @throws IllegalArgumentException if a label was given for both headers, which RFC 9052 §3 forbids and
     *     {@link CoseSign1#decode} refuses
     */
    public CoseSign1 sign(byte[] payload) {
        CborMap protectedMap = protectedParameters.build();
        CborMap unprotectedMap = unprotectedParameters.build();
        for (CborValue label : unprotectedMap.entries().keySet()) {
            if (protectedMap.get(label).isPresent()) {
                throw new IllegalArgumentException("header label " + label
                        + " is given in both the protected and the unprotected header");
            }
        }
        ProtectedHeader header = ProtectedHeader.of(protectedMap);
        byte[] signature = key.sign(SigStructure.toBeSigned(header, externalAad, payload));
        return new CoseSign1(header, unprotectedMap, detached ? null : payload.clone(), signature, tagged);
    }
}
