package dev.runtape.ledger.content;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a stored content through while hashing it, and fails at its end if the bytes do not hash to the digest they
 * are kept under. Adapters hand it out from {@link ContentStore#open}.
 */
public final class DigestCheckingInputStream extends FilterInputStream {

    private final Digest expected;
    private final MessageDigest sha256 = Digest.newSha256();
    private boolean checked;

    public DigestCheckingInputStream(InputStream in, Digest expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            checkAtEnd();
        } else {
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            checkAtEnd();
        } else {
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipping would leave bytes unhashed; they are read instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void checkAtEnd() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        Digest actual;
        try {
            actual = Digest.of(sha256.digest());
        } catch (FormatException e) {
            throw new IllegalStateException("SHA-256 yields 32 bytes", e);
        }
        if (!actual.equals(expected)) {
            CorruptContentException corrupt = new CorruptContentException(expected, actual);
            throw new IOException(corrupt.getMessage(), corrupt);
        }
    }
}
