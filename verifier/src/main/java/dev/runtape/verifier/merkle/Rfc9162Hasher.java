package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import java.security.MessageDigest;

/**
 * The RFC 9162 §2.1 hash functions with SHA-256. This is the only place that knows the domain separation prefixes,
 * which keep a leaf from ever being taken for an interior node (the second-preimage attack of §2.1).
 */
public final class Rfc9162Hasher {

    /** The byte an RFC 9162 leaf hash puts before the leaf (§2.1.1). */
    public static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Digest EMPTY_ROOT = Digest.sha256(new byte[0]);

    private Rfc9162Hasher() {}

    /** The leaf hash of {@code leaf}: SHA-256(0x00 ‖ leaf). Any byte string, the empty one included, is a leaf. */
    public static Digest hashLeaf(byte[] leaf) {
        return Digest.sha256(LEAF_PREFIX, leaf);
    }

    /**
     * A SHA-256 instance already fed the leaf prefix: feed it a leaf, in pieces if need be, and {@link
     * Digest#finish} gives its leaf hash, as {@link #hashLeaf} of the whole would.
     */
    public static MessageDigest leafHasher() {
        MessageDigest sha256 = Digest.newSha256();
        sha256.update(LEAF_PREFIX);
        return sha256;
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
    public static Digest hashChildren(Digest left, Digest right) {
        return Digest.sha256(NODE_PREFIX, left, right);
    }

    /** The root of the tree with no leaves: SHA-256 of the empty string. */
    public static Digest emptyRoot() {
        return EMPTY_ROOT;
    }
}
