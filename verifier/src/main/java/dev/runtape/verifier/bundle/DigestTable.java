package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.Arrays;

/**
 * A set of SHA-256 digests numbered in the order they were added, in flat arrays: about 40 bytes a digest where a
 * {@code HashMap<Digest, Integer>} takes three times that, so that the index of a million-statement manifest fits
 * a small heap. The digests are kept in pages of 256 KiB, so that growing never copies them. Open addressing on the
 * digest's first bytes, which are uniformly distributed. Not thread-safe.
 */
final class DigestTable {

    private static final int EMPTY = -1;
    // 256 KiB pages: under half a G1 region even in a small heap, where a larger array is "humongous" and takes
    // whole regions of its own.
    private static final int PAGE_BITS = 13;
    private static final int PAGE_DIGESTS = 1 << PAGE_BITS;

    private byte[][] pages = new byte[0][];
    private int[] slots = emptySlots(32);
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code digest} and returns its number, or returns {@code -1 - n} when it is already there as number n. */
    int add(Digest digest) {
        int slot = slotOf(digest);
        if (slots[slot] != EMPTY) {
            return -1 - slots[slot];
        }
        byte[] bytes = digest.bytes();
        int page = size >>> PAGE_BITS;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page + 1);
            pages[page] = new byte[PAGE_DIGESTS * Digest.LENGTH];
        }
        System.arraycopy(bytes, 0, pages[page], offset(size), Digest.LENGTH);
        slots[slot] = size;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** The number of {@code digest}, or {@code -1} if it is not in the table. */
    int find(Digest digest) {
        return slots[slotOf(digest)];
    }

    /**
     * {@link #find}, trying number {@code guess} first: digests looked up in about the order they were added are
     * found in the page they lie in, read in order, instead of through a slot anywhere in the table.
     */
    int find(Digest digest, int guess) {
        if (guess >= 0 && guess < size && digest.matches(pages[guess >>> PAGE_BITS], offset(guess))) {
            return guess;
        }
        return find(digest);
    }

    /** The digest numbered {@code n}. */
    Digest get(int n) {
        return Digest.copyOf(pages[n >>> PAGE_BITS], offset(n));
    }

    /** The slot holding {@code digest}, or the empty slot where it would go. */
    private int slotOf(Digest digest) {
        int mask = slots.length - 1;
        int slot = mix(digest.leadingInt()) & mask;
        while (slots[slot] != EMPTY
                && !digest.matches(pages[slots[slot] >>> PAGE_BITS], offset(slots[slot]))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        slots = emptySlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int n = 0; n < size; n++) {
            int slot = hash(pages[n >>> PAGE_BITS], offset(n)) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = n;
        }
    }

    /** Where digest {@code n} starts in its page. */
    private static int offset(int n) {
        return (n & (PAGE_DIGESTS - 1)) * Digest.LENGTH;
    }

    /** The first four bytes of the digest at {@code from}, mixed as {@link #mix} mixes them. */
    private static int hash(byte[] bytes, int from) {
        return mix((bytes[from] & 0xff) << 24 | (bytes[from + 1] & 0xff) << 16 | (bytes[from + 2] & 0xff) << 8
                | (bytes[from + 3] & 0xff));
    }

    /**
     * A digest's first four bytes, mixed: digests from outside may be chosen to collide here, which only slows the
     * lookup of that bundle down; it cannot make it wrong.
     */
    private static int mix(int h) {
        return h ^ (h >>> 16) * 0x45d9f3b;
    }

    private static int[] emptySlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
