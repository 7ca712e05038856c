package dev.runtape.schemas.cddl.internal.graph;

/** Which members of a map, by position, entries of its group have taken. One bit each; copies are cheap. */
final class Claims {

    private final long[] words;
    private int count;

    Claims(int size) {
        words = new long[Math.max(1, (size + 63) >>> 6)];
    }

    private Claims(long[] words, int count) {
        this.words = words;
        this.count = count;
    }

    Claims copy() {
        return new Claims(words.clone(), count);
    }

    /** Makes this the same as {@code other}, a claims of the same map. */
    void set(Claims other) {
        System.arraycopy(other.words, 0, words, 0, words.length);
        count = other.count;
    }

    boolean contains(int position) {
        return (words[position >>> 6] & (1L << position)) != 0;
    }

    void add(int position) {
        long bit = 1L << position;
        int word = position >>> 6;
        if ((words[word] & bit) == 0) {
            words[word] |= bit;
            count++;
        }
    }

    int count() {
        return count;
    }
}
