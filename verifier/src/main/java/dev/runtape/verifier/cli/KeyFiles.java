package dev.runtape.verifier.cli;

import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.PemPublicKeys;
import dev.runtape.verifier.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads public keys from a file in whichever form it holds: PEM ({@code -----BEGIN PUBLIC KEY-----}), JSON (a JWK
 * or a JWK Set), or CBOR (a COSE_Key or a COSE_KeySet).
 */
final class KeyFiles {

    private KeyFiles() {
    }

    static KeySet read(Path file) throws InputException {
        byte[] bytes = InputFiles.read(file, "key file");
        try {
            return parse(bytes);
        } catch (FormatException e) {
            throw new InputException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The only key of a file that holds one (the user chose it), or else the one {@code kid} names.
     *
     * @throws VerificationException if several keys are given and the kid is missing or names none of them
     */
    static VerificationKey choose(KeySet keys, Optional<byte[]> kid, String subject) throws VerificationException {
        if (keys.keys().size() == 1) {
            return keys.keys().getFirst();
        }
        byte[] id = kid.orElseThrow(() -> new VerificationException(
                "the " + subject + " names no key (no kid) and the key file holds several"));
        return keys.find(id).orElseThrow(() ->
                new VerificationException("unknown key: kid " + HexFormat.of().formatHex(id)));
    }

    static KeySet parse(byte[] bytes) throws FormatException {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("-----BEGIN")) {
            return KeySet.of(PemPublicKeys.decode(text));
        }
        if (text.startsWith("{")) {
            return text.contains("\"keys\"") ? JwkCodec.decodeSet(text) : KeySet.of(JwkCodec.decode(text));
        }
        CborValue value = CborInput.decode(bytes, CborProfile.WELL_FORMED, "not PEM, JSON or CBOR");
        return value instanceof CborArray ? CoseKeyCodec.decodeSet(bytes) : KeySet.of(CoseKeyCodec.decode(value));
    }
}
