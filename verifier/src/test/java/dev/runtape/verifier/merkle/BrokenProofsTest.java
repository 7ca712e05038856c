package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A generator of broken inputs, as transparency-dev/merkle tests its verifier: every valid proof in trees of up to
 * {@value #MAX_SIZE} leaves, altered in every way below, must be rejected.
 *
 * <p>Altering only a size or an index is the one exception: the RFC 9162 algorithms read nothing from the sizes but
 * the shape of the proof (how many hashes, each on which side), so a claim with another size but the same shape
 * verifies the same hashes to the same root. That is sound, since the root is signed together with its size; the
 * test therefore requires those claims to be rejected exactly when their shape, computed by the RFC's recursion in
 * {@link NaiveMerkle}, differs. The same proof presented with the root of the other size is always rejected.
 */
class BrokenProofsTest {

    private static final int MAX_SIZE = 40;
    private static final InMemoryMerkleTree TREE = NaiveMerkle.treeOf(2 * MAX_SIZE + 1);

    /** One claim to verify, and whether it may verify. */
    private record Claim(String name, Check check, boolean mayVerify) {}

    @FunctionalInterface
    private interface Check {
        void run() throws VerificationException;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenInclusionProofIsRejected() {
        return LongStream.rangeClosed(1, MAX_SIZE).mapToObj(size -> dynamicTest(
                "in a tree of " + size + " leaves", () -> {
                    List<Claim> claims = new ArrayList<>();
                    for (long index = 0; index < size; index++) {
                        claims.addAll(inclusionClaims(index, size));
                    }
                    assertOnlyTheTrueClaimsVerify(claims);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenConsistencyProofIsRejected() {
        return LongStream.rangeClosed(1, MAX_SIZE).mapToObj(size2 -> dynamicTest(
                "to a tree of " + size2 + " leaves", () -> {
                    List<Claim> claims = new ArrayList<>();
                    for (long size1 = 1; size1 <= size2; size1++) {
                        claims.addAll(consistencyClaims(size1, size2));
                    }
                    assertOnlyTheTrueClaimsVerify(claims);
                }));
    }

    private static List<Claim> inclusionClaims(long index, long size) {
        List<Digest> path = ProofBuilder.inclusion(TREE, index, size).path();
        Digest leaf = TREE.node(0, index);
        Digest root = TREE.root(size);
        String proof = "leaf " + index + " of " + size + ": ";
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(proof + "the proof as built", () -> Inclusion.verify(index, size, leaf, path, root), true));

        long[][] otherPlaces = {
            {index - 1, size}, {index + 1, size}, {index ^ 2, size},
            {index, size + 1}, {index, size * 2}, {index, size / 2}, {index, size - 1},
        };
        for (long[] place : otherPlaces) {
            long i = place[0];
            long n = place[1];
            boolean sameShape = 0 <= i && i < n && NaiveMerkle.inclusionShape(i, n)
                    .equals(NaiveMerkle.inclusionShape(index, size));
            claims.add(new Claim(proof + "claimed as leaf " + i + " of " + n,
                    () -> Inclusion.verify(i, n, leaf, path, root), sameShape));
            if (n != size && 0 <= n && n <= TREE.size()) {
                Digest otherRoot = TREE.root(n);
                claims.add(new Claim(proof + "claimed as leaf " + i + " of " + n + " with that tree's root",
                        () -> Inclusion.verify(i, n, leaf, path, otherRoot), false));
            }
        }
        for (List<Digest> altered : alterations(path, index)) {
            claims.add(new Claim(proof + "path " + altered, () -> Inclusion.verify(index, size, leaf, altered, root),
                    false));
        }
        Digest wrongLeaf = TREE.node(0, index + 1);
        claims.add(new Claim(proof + "another leaf", () -> Inclusion.verify(index, size, wrongLeaf, path, root), false));
        Digest flippedLeaf = flipBit(leaf, (int) index);
        claims.add(new Claim(proof + "a leaf hash with one bit flipped",
                () -> Inclusion.verify(index, size, flippedLeaf, path, root), false));
        Digest wrongRoot = flipBit(root, 3);
        claims.add(new Claim(proof + "a root with one bit flipped",
                () -> Inclusion.verify(index, size, leaf, path, wrongRoot), false));
        return claims;
    }

    private static List<Claim> consistencyClaims(long size1, long size2) {
        List<Digest> path = ProofBuilder.consistency(TREE, size1, size2).path();
        Digest root1 = TREE.root(size1);
        Digest root2 = TREE.root(size2);
        String proof = "from " + size1 + " to " + size2 + ": ";
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(proof + "the proof as built", () -> Consistency.verify(size1, size2, root1, root2, path),
                true));

        long[][] otherSizes = {
            {size1 - 1, size2}, {size1 + 1, size2}, {size1 ^ 2, size2},
            {size1, size2 + 1}, {size1, size2 - 1}, {size1, size2 * 2}, {size1, size2 / 2},
        };
        for (long[] sizes : otherSizes) {
            long m = sizes[0];
            long n = sizes[1];
            boolean sameShape = 1 <= m && m <= n && NaiveMerkle.consistencyShape(m, n)
                    .equals(NaiveMerkle.consistencyShape(size1, size2));
            claims.add(new Claim(proof + "claimed from " + m + " to " + n,
                    () -> Consistency.verify(m, n, root1, root2, path), sameShape));
            if ((m != size1 || n != size2) && 1 <= m && m <= n && n <= TREE.size()) {
                Digest otherRoot1 = TREE.root(m);
                Digest otherRoot2 = TREE.root(n);
                // Both roots of the claimed sizes: true only if the claim is the same pair of trees.
                boolean same = otherRoot1.equals(root1) && otherRoot2.equals(root2);
                claims.add(new Claim(proof + "claimed from " + m + " to " + n + " with those trees' roots",
                        () -> Consistency.verify(m, n, otherRoot1, otherRoot2, path), same));
            }
        }
        for (List<Digest> altered : alterations(path, size1)) {
            claims.add(new Claim(proof + "path " + altered,
                    () -> Consistency.verify(size1, size2, root1, root2, altered), false));
        }
        Digest wrongRoot1 = flipBit(root1, (int) size1);
        claims.add(new Claim(proof + "an old root with one bit flipped",
                () -> Consistency.verify(size1, size2, wrongRoot1, root2, path), false));
        Digest wrongRoot2 = flipBit(root2, (int) size2);
        claims.add(new Claim(proof + "a new root with one bit flipped",
                () -> Consistency.verify(size1, size2, root1, wrongRoot2, path), false));
        claims.add(new Claim(proof + "roots swapped",
                () -> Consistency.verify(size1, size2, root2, root1, path), size1 == size2));
        return claims;
    }

    /**
     * The path with each hash in turn given one flipped bit, without each hash in turn, and with a hash added at
     * either end.
     */
    private static List<List<Digest>> alterations(List<Digest> path, long seed) {
        List<List<Digest>> altered = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            List<Digest> flipped = new ArrayList<>(path);
            flipped.set(i, flipBit(path.get(i), (int) (i * 37 + seed * 11 + 5)));
            altered.add(flipped);
            List<Digest> dropped = new ArrayList<>(path);
            dropped.remove(i);
            altered.add(dropped);
        }
        Digest extra = Rfc9162Hasher.hashLeaf(new byte[] {42});
        List<Digest> appended = new ArrayList<>(path);
        appended.add(extra);
        altered.add(appended);
        List<Digest> prepended = new ArrayList<>(path);
        prepended.add(0, extra);
        altered.add(prepended);
        return altered;
    }

    private static Digest flipBit(Digest digest, int bit) {
        byte[] bytes = digest.bytes();
        int b = Math.floorMod(bit, Digest.LENGTH * 8);
        bytes[b / 8] ^= (byte) (1 << (b % 8));
        try {
            return Digest.of(bytes);
        } catch (FormatException e) {
            throw new AssertionError("still 32 bytes", e);
        }
    }

    private static void assertOnlyTheTrueClaimsVerify(List<Claim> claims) {
        assertThat(claims).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Claim claim : claims) {
            boolean verified;
            try {
                claim.check().run();
                verified = true;
            } catch (VerificationException e) {
                verified = false;
            }
            if (verified != claim.mayVerify()) {
                wrong.add(claim.name() + (verified ? " verified" : " was rejected"));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
