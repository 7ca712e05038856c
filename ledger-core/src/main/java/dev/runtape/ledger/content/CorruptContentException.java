package dev.runtape.ledger.content;

import dev.runtape.verifier.Digest;

/** Stored bytes no longer hash to the digest they are kept under: the content is damaged and is not served. */
public final class CorruptContentException extends ContentStoreException {

    private final Digest expected;
    private final Digest actual;

    public CorruptContentException(Digest expected, Digest actual) {
        super("content " + expected.hex() + " is corrupt: its stored bytes hash to " + actual.hex());
        this.expected = expected;
        this.actual = actual;
    }

    /** The digest the content is kept under. */
    public Digest expected() {
        return expected;
    }

    /** The digest of the bytes actually stored. */
    public Digest actual() {
        return actual;
    }
}
