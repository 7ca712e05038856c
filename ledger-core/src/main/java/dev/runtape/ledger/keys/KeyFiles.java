package dev.runtape.ledger.keys;

import dev.runtape.ledger.internal.AtomicFiles;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Signing keys in files, as other tools write them: PKCS#8 in PEM ({@code PRIVATE KEY}) or DER, SEC 1 EC keys in PEM
 * ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} writes), and PKCS#12 with a password. Keys are Ed25519
 * or P-256. Runtape writes keys as unencrypted PKCS#8 PEM, readable by the owner only: the file's permissions are its
 * protection, as for an SSH key.
 */
public final class KeyFiles {

    private static final String PKCS8 = "PRIVATE KEY";
    private static final String SEC1 = "EC PRIVATE KEY";

    private KeyFiles() {
    }

    /**
     * The signing key in a PKCS#8 file (PEM or DER) or a PEM SEC 1 EC key file.
     *
     * @throws KeyFileException if the file cannot be read, is encrypted, or holds no supported key
     */
    public static SigningKey read(Path file) throws KeyFileException {
        byte[] bytes = readBytes(file);
        try {
            return decode(bytes);
        } catch (FormatException e) {
            throw new KeyFileException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The signing key in a PKCS#12 file: the one with {@code alias} (its friendly name), or the only one.
     *
     * @throws KeyFileException if the file cannot be read, the password is wrong, or the key is missing or unsupported
     */
    public static SigningKey readPkcs12(Path file, char[] password, Optional<String> alias) throws KeyFileException {
        byte[] bytes = readBytes(file);
        try {
            return Pkcs12Keys.decode(bytes, password, alias);
        } catch (FormatException e) {
            throw new KeyFileException("PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The key in PEM or DER bytes. */
    public static SigningKey decode(byte[] bytes) throws FormatException {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.stripLeading().startsWith("-----BEGIN")) {
            return Pkcs8Keys.decode(bytes);
        }
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                switch (block.getType()) {
                    case PKCS8 -> {
                        return Pkcs8Keys.decode(block.getContent());
                    }
                    case SEC1 -> {
                        return Pkcs8Keys.decodeSec1(block.getContent());
                    }
                    case "ENCRYPTED PRIVATE KEY" -> throw new FormatException("the private key is encrypted; "
                            + "give it as PKCS#12 with its password, or decrypt it (openssl pkcs8 -in FILE -out NEW)");
                    default -> {
                        // other blocks (EC PARAMETERS, CERTIFICATE) may travel with the key: skip them
                    }
                }
            }
        } catch (IOException e) {
            throw new FormatException("malformed PEM: " + e.getMessage(), e);
        }
        throw new FormatException("no PRIVATE KEY or EC PRIVATE KEY block in the PEM text");
    }

    /** The key as PKCS#8 PEM text. */
    public static String toPkcs8Pem(SigningKey key) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(PKCS8, Pkcs8Keys.encode(key)));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /**
     * Writes {@code key} to a new PKCS#8 PEM file readable and writable by its owner only (POSIX 0600 where the file
     * system has POSIX permissions). An existing file is never overwritten.
     *
     * @throws KeyFileException if the file exists or cannot be written
     */
    public static void writePkcs8Pem(SigningKey key, Path file) throws KeyFileException {
        try {
            AtomicFiles.writeNew(file, toPkcs8Pem(key).getBytes(StandardCharsets.US_ASCII), true);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("key file " + file + " exists already: a key file is never overwritten", e);
        } catch (IOException e) {
            throw new KeyFileException("key file " + file + ": cannot write: " + e, e);
        }
    }

    private static byte[] readBytes(Path file) throws KeyFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("key file " + file + ": cannot read: " + e, e);
        }
    }
}
