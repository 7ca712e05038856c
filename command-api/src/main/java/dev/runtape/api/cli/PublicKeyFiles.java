package dev.runtape.api.cli;

import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.PemPublicKeys;
import dev.runtape.verifier.keys.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A public key read from a file: a JWK, a PEM public key, or a private key file ({@code keys generate}'s PKCS#8,
 * a SEC 1 EC key), of which only the public half is used.
 */
final class PublicKeyFiles {

    private PublicKeyFiles() {
    }

    static VerificationKey read(Path file) throws IOException, FormatException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            return JwkCodec.decode(text);
        }
        if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
            return PemPublicKeys.decode(text);
        }
        return KeyFiles.decode(bytes).verificationKey();
    }
}
