package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.Arrays;

/**
 * A set of SHA-256 digests numbered in the order they were added, in flat arrays: about 40 bytes a digest where a
 * {@code HashMap<Digest, Integer>} takes three times that, so that the index of a million-statement manifest fits
 * a small heap. Open addressing on the digest's first bytes, which are uniformly distributed. Not thread-safe.
 */
final class DigestTable {

    private static final int EMPTY = -1;

    private byte[] digests = new byte[Digest.LENGTH * 16];
    private int[] slots = emptySlots(32);
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code digest} and returns its number, or returns {@code -1 - n} when it is already there as number n. */
    int add(Digest digest) {
        byte[] bytes = digest.bytes();
        int slot = slotOf(bytes);
        if (slots[slot] != EMPTY) {
            return -1 - slots[slot];
        }
        if ((size + 1) * Digest.LENGTH > digests.length) {
            digests = Arrays.copyOf(digests, digests.length * 2);
        }
        System.arraycopy(bytes, 0, digests, size * Digest.LENGTH, Digest.LENGTH);
        slots[slot] = size;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** The number of {@code digest}, or {@code -1} if it is not in the table. */
    int find(Digest digest) {
        return slots[slotOf(digest.bytes())];
    }

    /** The digest numbered {@code n}. */
    Digest get(int n) {
        try {
            return Digest.of(Arrays.copyOfRange(digests, n * Digest.LENGTH, (n + 1) * Digest.LENGTH));
        } catch (dev.runtape.verifier.FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The slot holding {@code bytes}, or the empty slot where it would go. */
    private int slotOf(byte[] bytes) {
        int mask = slots.length - 1;
        int slot = hash(bytes, 0) & mask;
        while (slots[slot] != EMPTY && !Arrays.equals(digests, slots[slot] * Digest.LENGTH,
                (slots[slot] + 1) * Digest.LENGTH, bytes, 0, Digest.LENGTH)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        slots = emptySlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int n = 0; n < size; n++) {
            int slot = hash(digests, n * Digest.LENGTH) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = n;
        }
    }

    /**
     * The first four bytes, mixed: digests from outside may be chosen to collide here, which only slows the lookup
     * of that bundle down; it cannot make it wrong.
     */
    private static int hash(byte[] bytes, int from) {
        int h = (bytes[from] & 0xff) << 24 | (bytes[from + 1] & 0xff) << 16 | (bytes[from + 2] & 0xff) << 8
                | (bytes[from + 3] & 0xff);
        return h ^ (h >>> 16) * 0x45d9f3b;
    }

    private static int[] emptySlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
