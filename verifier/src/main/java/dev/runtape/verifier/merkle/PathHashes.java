package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The hashes of an inclusion path where they lie, in the bytes of the receipt that carries them: a hash becomes a
 * {@link Digest} only when it is read, and two such paths compare their bytes. Consecutive proofs share most of their
 * path ({@link InclusionMemo}), so most hashes are compared and never copied. Immutable while its bytes and offsets
 * are.
 */
public final class PathHashes extends AbstractList<Digest> implements RandomAccess {

    private final byte[] bytes;
    private final int[] offsets;

    /**
     * @param bytes the bytes holding the hashes, not copied: they must not change
     * @param offsets where each hash's 32 bytes start, in path order; not copied either
     */
    public PathHashes(byte[] bytes, int[] offsets) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.offsets = offsets;
        for (int offset : offsets) {
            Objects.checkFromIndexSize(offset, Digest.LENGTH, bytes.length);
        }
    }

    @Override
    public Digest get(int index) {
        return Digest.copyOf(bytes, offsets[index]);
    }

    @Override
    public int size() {
        return offsets.length;
    }

    /** Whether hash {@code index} of {@code path} is {@code digest}, copying none. */
    static boolean matchesAt(List<Digest> path, int index, Digest digest) {
        return path instanceof PathHashes hashes ? digest.matches(hashes.bytes, hashes.offsets[index])
                : path.get(index).equals(digest);
    }

    /** Whether hash {@code index} of {@code path} equals hash {@code index} of {@code other}, copying neither. */
    static boolean sameAt(List<Digest> path, List<Digest> other, int index) {
        if (path instanceof PathHashes a) {
            return other instanceof PathHashes b
                    ? Arrays.equals(a.bytes, a.offsets[index], a.offsets[index] + Digest.LENGTH, b.bytes,
                            b.offsets[index], b.offsets[index] + Digest.LENGTH)
                    : other.get(index).matches(a.bytes, a.offsets[index]);
        }
        return other instanceof PathHashes b ? path.get(index).matches(b.bytes, b.offsets[index])
                : path.get(index).equals(other.get(index));
    }
}
