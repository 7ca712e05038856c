package dev.runtape.ledger.log;

import dev.runtape.verifier.Digest;
import java.util.Arrays;

/**
 * The encoded bytes of one signed statement, exactly as signed and stored, with their SHA-256: the digest the next
 * statement of the stream names as {@code prev}. Immutable: the bytes are copied in and out.
 */
public final class StatementBytes {

    private final byte[] bytes;
    private final Digest digest;

    private StatementBytes(byte[] bytes) {
        this.bytes = bytes;
        this.digest = Digest.sha256(bytes);
    }

    public static StatementBytes of(byte[] encoded) {
        if (encoded.length == 0) {
            throw new IllegalArgumentException("a statement cannot be empty");
        }
        return new StatementBytes(encoded.clone());
    }

    /** A copy of the encoded statement. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** SHA-256 of the encoded statement. */
    public Digest digest() {
        return digest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatementBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "StatementBytes[" + bytes.length + " bytes, sha256=" + digest.hex() + "]";
    }
}
