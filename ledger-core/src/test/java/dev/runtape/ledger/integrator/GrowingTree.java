package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the extensions of a tree as the integrator would, alongside the verifier's in-memory tree of the same
 * leaves, the reference every stored root and proof is compared with. Log positions advance by {@code positionStep}
 * per leaf, so that tests see positions and leaf indexes kept apart.
 */
final class GrowingTree {

    private final InMemoryMerkleTree reference = new InMemoryMerkleTree();
    private final long positionStep;
    private Frontier frontier = Frontier.EMPTY;
    private long lastPosition;

    GrowingTree(long positionStep) {
        this.positionStep = positionStep;
    }

    static Digest leafHash(long leafIndex) {
        return Rfc9162Hasher.hashLeaf(("statement " + leafIndex).getBytes(StandardCharsets.UTF_8));
    }

    /** The next {@code count} leaves, without taking them: for extensions a store should refuse. */
    TreeExtension peek(int count) {
        List<Digest> hashes = new ArrayList<>(count);
        List<TreeLeaf> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long index = frontier.size() + i;
            hashes.add(leafHash(index));
            leaves.add(new TreeLeaf(index, lastPosition + (i + 1) * positionStep, leafHash(index)));
        }
        return new TreeExtension(frontier.size(), leaves, frontier.append(hashes).nodes());
    }

    /** The next {@code count} leaves, taken: the reference tree grows by them. */
    TreeExtension grow(int count) {
        TreeExtension extension = peek(count);
        List<Digest> hashes = extension.leaves().stream().map(TreeLeaf::leafHash).toList();
        frontier = frontier.append(hashes).frontier();
        hashes.forEach(reference::append);
        lastPosition = extension.lastPosition();
        return extension;
    }

    InMemoryMerkleTree reference() {
        return reference;
    }

    long size() {
        return frontier.size();
    }
}
