package dev.runtape.verifier.cose;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import dev.runtape.verifier.keys.VerificationKey;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** Verifies the signature of a COSE_Sign1 against a key, after checking what the protected header demands. */
public final class Sign1Verifier {

    /** The labels this verifier understands when a message marks them critical. */
    private static final Set<Long> UNDERSTOOD = Set.of(HeaderLabels.ALG, HeaderLabels.CRIT,
            HeaderLabels.CONTENT_TYPE, HeaderLabels.KID, HeaderLabels.CWT_CLAIMS, HeaderLabels.VDS);

    private Sign1Verifier() {
    }

    /** Verifies a message with an attached payload and no external AAD. */
    public static void verify(CoseSign1 message, VerificationKey key) throws VerificationException {
        verify(message, key, new byte[0], Optional.empty());
    }

    /**
     * Verifies {@code message} with {@code key}.
     *
     * @param externalAad the external additional authenticated data, empty if none
     * @param detachedPayload the payload when the message carries nil; must be empty when it carries one
     * @throws VerificationException if the algorithm does not match the key, a critical parameter is not understood,
     *     the payload is missing or given twice, or the signature is invalid
     */
    public static void verify(CoseSign1 message, VerificationKey key, byte[] externalAad,
            Optional<byte[]> detachedPayload) throws VerificationException {
        SignatureAlgorithm algorithm;
        try {
            algorithm = message.algorithm();
        } catch (FormatException e) {
            throw new VerificationException(e.getMessage(), e);
        }
        key.verify(algorithm, toBeSigned(message, externalAad, detachedPayload), message.signature());
    }

    /**
     * What the signature of {@code message} signs (its Sig_structure), once its critical parameters are understood
     * and its payload is there exactly once: for a caller that verifies the signature itself, with others at once.
     *
     * @throws VerificationException if a critical parameter is not understood, or the payload is missing or given
     *     twice
     */
    public static byte[] toBeSigned(CoseSign1 message, byte[] externalAad, Optional<byte[]> detachedPayload)
            throws VerificationException {
        checkCritical(message);
        return SigStructure.toBeSigned(message.protectedHeader(), externalAad,
                payloadToVerify(message, detachedPayload));
    }

    /**
     * Verifies {@code message} with the key its {@code kid} names in {@code keys}.
     *
     * @throws VerificationException also when the message names no key or one the set does not hold
     */
    public static VerificationKey verify(CoseSign1 message, KeySet keys, byte[] externalAad,
            Optional<byte[]> detachedPayload) throws VerificationException {
        byte[] kid = message.kid().orElseThrow(() -> new VerificationException("the message names no key (no kid)"));
        VerificationKey key = keys.find(kid).orElseThrow(() ->
                new VerificationException("unknown key: kid " + HexFormat.of().formatHex(kid)));
        verify(message, key, externalAad, detachedPayload);
        return key;
    }

    private static byte[] payloadToVerify(CoseSign1 message, Optional<byte[]> detachedPayload)
            throws VerificationException {
        byte[] attached = message.attachedPayload();
        if (attached != null && detachedPayload.isPresent()) {
            throw new VerificationException("the message carries its payload; a detached payload was also given");
        }
        if (attached == null && detachedPayload.isEmpty()) {
            throw new VerificationException("the payload is detached and was not given");
        }
        return attached != null ? attached : detachedPayload.get();
    }

    private static void checkCritical(CoseSign1 message) throws VerificationException {
        if (message.unprotectedHeader().get(HeaderLabels.CRIT).isPresent()) {
            throw new VerificationException("crit must be a protected header parameter (RFC 9052 §3.1)");
        }
        Optional<CborValue> crit = message.protectedHeader().map().get(HeaderLabels.CRIT);
        if (crit.isEmpty()) {
            return;
        }
        if (!(crit.get() instanceof CborArray labels) || labels.size() == 0) {
            throw new VerificationException("crit must be a non-empty array of labels, found " + crit.get());
        }
        for (CborValue label : labels.items()) {
            if (message.protectedHeader().map().get(label).isEmpty()) {
                throw new VerificationException("critical parameter " + label + " is not in the protected header");
            }
            if (!(label instanceof CborInteger i && i.fitsLong() && UNDERSTOOD.contains(i.longValueExact()))) {
                throw new VerificationException("critical parameter " + label + " is not understood");
            }
        }
    }
}
