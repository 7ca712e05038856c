package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborMap;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.security.MessageDigest;

/**
 * A statement as the log holds it, its receipts taken out of its unprotected header, hashed where it lies in the
 * bundle's bytes: the statement was decoded as deterministic CBOR, so its bytes are its encoding, and the log form
 * differs from them only in the unprotected header. Hashing the bytes before and after that header around the new
 * one gives the digests of the re-encoded message without encoding it.
 *
 * @param digest SHA-256 of the log form: what the manifest lists and {@code prev} names
 * @param leafHash its RFC 9162 leaf hash: what the receipt proves
 */
record LogForm(Digest digest, Digest leafHash) {

    /** One SHA-256 instance per thread for both hashes, one after the other. */
    private static final ThreadLocal<MessageDigest> HASHER = ThreadLocal.withInitial(Digest::newSha256);

    /**
     * @param bytes the statement's deterministic encoding: tag 18, an array of four, the protected header, the
     *     unprotected header, the attached payload, the signature
     * @param message those bytes decoded; its payload attached
     * @param payloadLength the length of its payload
     * @param logUnprotected the unprotected header without the receipts
     */
    static LogForm of(byte[] bytes, CoseSign1 message, int payloadLength, CborMap logUnprotected) {
        int protectedLength = message.protectedHeader().encoded().length;
        int signatureLength = message.signature().length;
        // One byte for tag 18, one for the array of four: both arguments are below 24.
        int headerStart = 2 + headLength(protectedLength) + protectedLength;
        int headerEnd = bytes.length - headLength(payloadLength) - payloadLength - headLength(signatureLength)
                - signatureLength;
        return of(ByteRange.of(bytes), headerStart, headerEnd, logUnprotected.encode());
    }

    /**
     * @param statement where the statement's encoding lies
     * @param headerStart where its unprotected header starts, in the same array
     * @param headerEnd where it ends
     * @param logHeader the encoding of the log form's unprotected header, which takes its place
     */
    static LogForm of(ByteRange statement, int headerStart, int headerEnd, byte[] logHeader) {
        MessageDigest sha256 = HASHER.get();
        sha256.reset();
        hash(sha256, statement, headerStart, headerEnd, logHeader);
        Digest digest = Digest.finish(sha256);
        sha256.update(Rfc9162Hasher.LEAF_PREFIX);
        hash(sha256, statement, headerStart, headerEnd, logHeader);
        return new LogForm(digest, Digest.finish(sha256));
    }

    private static void hash(MessageDigest sha256, ByteRange statement, int headerStart, int headerEnd,
            byte[] logHeader) {
        byte[] bytes = statement.bytes();
        sha256.update(bytes, statement.from(), headerStart - statement.from());
        sha256.update(logHeader);
        sha256.update(bytes, headerEnd, statement.to() - headerEnd);
    }

    /** The length of the shortest head of a byte string of {@code length} bytes (RFC 8949 §4.2.1). */
    static int headLength(int length) {
        return length < 24 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 5;
    }
}
