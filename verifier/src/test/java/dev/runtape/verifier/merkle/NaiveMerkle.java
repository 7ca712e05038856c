package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 §2.1 definitions written as the RFC writes them, recursion over lists of leaf hashes, to check the
 * bit-twiddling code against. Slow on purpose: nothing here is shared with the code under test but the hasher.
 */
final class NaiveMerkle {

    private NaiveMerkle() {}

    /** Distinct leaves, so that no mutated proof can verify by two leaves being equal. */
    static byte[] leafData(long index) {
        return ("leaf " + index).getBytes(StandardCharsets.UTF_8);
    }

    static List<Digest> leafHashes(int count) {
        List<Digest> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(Rfc9162Hasher.hashLeaf(leafData(i)));
        }
        return hashes;
    }

    static InMemoryMerkleTree treeOf(int count) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < count; i++) {
            tree.appendLeaf(leafData(i));
        }
        return tree;
    }

    /** The largest power of two smaller than {@code n}, for {@code n > 1}. */
    static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[n]) over leaf hashes. */
    static Digest mth(List<Digest> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return Rfc9162Hasher.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = split(n);
        return Rfc9162Hasher.hashChildren(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<Digest> path(int m, List<Digest> leaves) {
        int n = leaves.size();
        List<Digest> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = split(n);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(path(m - k, leaves.subList(k, n)));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<Digest> proof(int m, List<Digest> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<Digest> subproof(int m, List<Digest> leaves, boolean b) {
        int n = leaves.size();
        List<Digest> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = split(n);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), b));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    /**
     * The shape of PATH(m, D[n]): for each hash, bottom-up, whether it is a left sibling. The RFC 9162 verifier
     * reads nothing else from (m, n), so two claims of the same shape verify the same hashes to the same root.
     */
    static List<Boolean> inclusionShape(long m, long n) {
        List<Boolean> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            result.addAll(inclusionShape(m, k));
            result.add(false);
        } else {
            result.addAll(inclusionShape(m - k, n - k));
            result.add(true);
        }
        return result;
    }

    /**
     * The shape of PROOF(m, D[n]): "seed" for a subtree hash that starts the proof, "L" for a left sibling (part of
     * both trees), "R" for a right sibling (new tree only). Like {@link #inclusionShape}, it is all the verifier
     * reads from the sizes.
     */
    static List<String> consistencyShape(long m, long n) {
        return consistencyShape(m, n, true);
    }

    private static List<String> consistencyShape(long m, long n, boolean b) {
        List<String> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add("seed");
            }
            return result;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            result.addAll(consistencyShape(m, k, b));
            result.add("R");
        } else {
            result.addAll(consistencyShape(m - k, n - k, false));
            result.add("L");
        }
        return result;
    }
}
