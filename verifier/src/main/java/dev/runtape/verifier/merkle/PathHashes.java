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
     * The distance between each hash and the next when it is the same for all, as when they are consecutive items of a
     * CBOR array; else 0. Two paths that both have it compare the rest of their hashes as one range of bytes.
     */
    private final int stride;

    /**
     * @param bytes the bytes holding the hashes, not copied: they must not change
     * @param offsets where each hash's 32 bytes start, in path order; not copied either
     */
    public PathHashes(byte[] bytes, int[] offsets) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.offsets = offsets;
        int common = offsets.length > 1 ? offsets[1] - offsets[0] : 0;
        for (int i = 0; i < offsets.length; i++) {
            Objects.checkFromIndexSize(offsets[i], Digest.LENGTH, bytes.length);
            if (i > 0 && offsets[i] - offsets[i - 1] != common) {
                common = 0;
            }
        }
        this.stride = common >= Digest.LENGTH ? common : 0;
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

    /**
     * Whether every hash of {@code path} from {@code from} on equals the one at the same index of {@code other}. Two
     * paths laid out evenly with the same stride (as receipts' are) compare the bytes from that hash to their last as
     * one range: equal bytes mean equal hashes, but bytes that differ only between the hashes (not in receipts, whose
     * hashes are separated by the same two-byte head) answer false for equal hashes. So a true answer is always right,
     * and a false one costs a caller such as {@link InclusionMemo} only the hashing it would otherwise skip.
     */
    static boolean sameFrom(List<Digest> path, List<Digest> other, int from) {
        int size = path.size();
        if (other.size() != size) {
            return false;
        }
        if (from >= size) {
            return true;
        }
        if (path instanceof PathHashes a && other instanceof PathHashes b && a.stride > 0 && a.stride == b.stride) {
            int last = size - 1;
            return Arrays.equals(a.bytes, a.offsets[from], a.offsets[last] + Digest.LENGTH, b.bytes, b.offsets[from],
                    b.offsets[last] + Digest.LENGTH);
        }
        for (int i = from; i < size; i++) {
            if (!sameAt(path, other, i)) {
                return false;
            }
        }
        return true;
    }
}
