package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.Arrays;

/**
 * A set of SHA-256 digests numbered in the order they were added, in flat arrays: 48 to 64 bytes a digest where a
 * {@code HashMap<Digest, Integer>} takes three times that, so that the index of a million-statement manifest fits
 * a small heap. The digests are kept in pages of 256 KiB, so that growing never copies them. Open addressing on the
 * digest's first four bytes, which are uniformly distributed; each slot holds a digest's number with those four
 * bytes, so that neither a probe past another digest's slot nor growing the table reads a digest from its page (a
 * cache miss each, in a table of a million). Not thread-safe.
 */
final class DigestTable {

    private static final long EMPTY = -1;
    // 256 KiB pages: under half a G1 region even in a small heap, where a larger array is "humongous" and takes
    // whole regions of its own.
    private static final int PAGE_BITS = 13;
    private static final int PAGE_DIGESTS = 1 << PAGE_BITS;

    private byte[][] pages = new byte[0][];
    /** A slot: a digest's number in the high half, its first four bytes (which place it) in the low half; or EMPTY. */
    private long[] slots = emptySlots(32);
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code digest} and returns its number, or returns {@code -1 - n} when it is already there as number n. */
    int add(Digest digest) {
        int slot = slotOf(digest);
        if (slots[slot] != EMPTY) {
            return -1 - number(slots[slot]);
        }
        int page = size >>> PAGE_BITS;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page + 1);
            pages[page] = new byte[PAGE_DIGESTS * Digest.LENGTH];
        }
        digest.copyTo(pages[page], offset(size));
        slots[slot] = slot(size, digest.leadingInt());
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /**
     * Makes room for {@code more} digests beyond those held, so that adding them rehashes nothing: a table grown
     * by doubling moves every slot once more than it holds, each move a cache miss in a table of a million.
     */
    void expect(int more) {
        long needed = 2L * ((long) size + Math.max(more, 0));
        if (needed <= slots.length || needed > 1 << 30) {
            return;
        }
        long[] old = slots;
        slots = emptySlots(Integer.highestOneBit((int) needed - 1) << 1);
        reinsert(old);
    }

    /** The number of {@code digest}, or {@code -1} if it is not in the table. */
    int find(Digest digest) {
        long slot = slots[slotOf(digest)];
        return slot == EMPTY ? -1 : number(slot);
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
        int leading = digest.leadingInt();
        int slot = mix(leading) & mask;
        for (long held = slots[slot]; held != EMPTY; held = slots[slot]) {
            if ((int) held == leading && digest.matches(pages[number(held) >>> PAGE_BITS], offset(number(held)))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        long[] old = slots;
        slots = emptySlots(slots.length * 2);
        reinsert(old);
    }

    private void reinsert(long[] old) {
        int mask = slots.length - 1;
        for (long held : old) {
            if (held == EMPTY) {
                continue;
            }
            int slot = mix((int) held) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = held;
        }
    }

    private static long slot(int number, int leading) {
        return (long) number << 32 | (leading & 0xffffffffL);
    }

    private static int number(long slot) {
        return (int) (slot >>> 32);
    }

    /** Where digest {@code n} starts in its page. */
    private static int offset(int n) {
        return (n & (PAGE_DIGESTS - 1)) * Digest.LENGTH;
    }

    /**
     * A digest's first four bytes, mixed: digests from outside may be chosen to collide here, which only slows the
     * lookup of that bundle down; it cannot make it wrong.
     */
    private static int mix(int h) {
        return h ^ (h >>> 16) * 0x45d9f3b;
    }

    private static long[] emptySlots(int length) {
        long[] slots = new long[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
