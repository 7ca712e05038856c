package dev.runtape.ledger.cluster;

import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.verifier.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the ledger's private signing keys before they go into the shared database, with AES-256-GCM under a key
 * every node is given as a file (a Kubernetes or compose secret): whoever reads the database alone cannot sign.
 * A sealed key is the 12-byte nonce followed by the ciphertext and its tag; the key's id is authenticated with it,
 * so a sealed key moved under another id does not open.
 */
public final class KeySeal {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "runtape ledger signing key ".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private KeySeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A seal under these 32 bytes. */
    public static KeySeal of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a sealing key is 32 bytes, not " + key.length);
        }
        return new KeySeal(key.clone());
    }

    /**
     * The seal whose key is in {@code file}: 32 bytes in base64 (as {@code openssl rand -base64 32} writes them),
     * blanks around it ignored.
     *
     * @throws KeyFileException if the file cannot be read or does not hold 32 bytes in base64
     */
    public static KeySeal read(Path file) throws KeyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new KeyFileException("sealing key file " + file + ": cannot read: " + e, e);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("sealing key file " + file + ": not base64 (make one with "
                    + "openssl rand -base64 32)", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new KeyFileException("sealing key file " + file + ": holds " + bytes.length
                    + " bytes, a sealing key is 32 (make one with openssl rand -base64 32)");
        }
        return new KeySeal(bytes);
    }

    /** {@code privateKey} (its PKCS#8 bytes) sealed for the key {@code kid}. */
    public byte[] seal(Digest kid, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
            byte[] sealed = cipher.doFinal(privateKey);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The private key sealed for {@code kid}.
     *
     * @throws KeyFileException if it was sealed under another key or for another id, or was changed
     */
    public byte[] open(Digest kid, byte[] sealed) throws KeyFileException {
        if (sealed.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new KeyFileException("the sealed signing key " + kid.hex() + " is too short to be one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), kid);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new KeyFileException("the sealed signing key " + kid.hex() + " does not open with this sealing "
                    + "key: every node of a ledger must be given the same sealing key file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, Digest kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(CONTEXT);
        cipher.updateAAD(kid.bytes());
        return cipher;
    }
}
