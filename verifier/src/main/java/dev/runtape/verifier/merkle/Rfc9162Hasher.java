package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;

/**
 * The RFC 9162 §2.1 hash functions with SHA-256. This is the only place that knows the domain separation prefixes,
 * which keep a leaf from ever being taken for an interior node (the second-preimage attack of §2.1).
 */
public final class Rfc9162Hasher {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Digest EMPTY_ROOT = Digest.sha256(new byte[0]);

    private Rfc9162Hasher() {}

    /** The leaf hash of {@code leaf}: SHA-256(0x00 ‖ leaf). Any byte string, the empty one included, is a leaf. */
    public static Digest hashLeaf(byte[] leaf) {
        return Digest.sha256(LEAF_PREFIX, leaf);
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
