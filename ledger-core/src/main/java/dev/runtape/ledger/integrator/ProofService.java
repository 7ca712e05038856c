package dev.runtape.ledger.integrator;

import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.InclusionProof;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers receipts and consistency proofs from a {@link TreeStore}, always against signed checkpoints: a client
 * trusts a root only when a checkpoint states it (decision 0005).
 *
 * <p>Each proof is built from one batched read of O(log n) stored nodes and checked against the checkpoint's root
 * before it is handed out, so a damaged store shows as a {@link TreeStoreException} here, not as a receipt that
 * fails at the client. Safe for use by many threads at once.
 */
public final class ProofService {

    private final TreeStore store;
    private final Supplier<ReceiptIssuer> issuer;

    /** Proofs from {@code store}; receipts signed by {@code issuer}, which names the log's origin. */
    public ProofService(TreeStore store, ReceiptIssuer issuer) {
        this(store, () -> issuer);
    }

    /** Proofs from {@code store}; each receipt signed by the issuer {@code issuer} gives at that moment. */
    public ProofService(TreeStore store, Supplier<ReceiptIssuer> issuer) {
        this.store = store;
        this.issuer = issuer;
    }

    /** The latest signed checkpoint, or empty before the first. */
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return store.checkpoints().latest();
    }

    /** The signed checkpoint of {@code treeSize} leaves, or empty when the integrator signed none of that size. */
    public Optional<SignedCheckpoint> checkpoint(long treeSize) {
        return store.checkpoints().ofSize(treeSize);
    }

    /**
     * A receipt for the statement at log position {@code position}, against the latest checkpoint.
     *
     * @throws NotIntegratedException if the statement has no leaf yet or its leaf is not under a checkpoint
     */
    public IssuedReceipt receiptForPosition(long position) throws NotIntegratedException {
        TreeLeaf leaf = store.leafAtPosition(position).orElseThrow(() -> new NotIntegratedException(
                "the statement at log position " + position + " is not integrated yet: the tree ends at position "
                        + store.state().lastPosition()));
        return receiptFor(leaf);
    }

    /**
     * A receipt for leaf {@code leafIndex}, against the latest checkpoint.
     *
     * @throws NotIntegratedException if the tree has no such leaf yet or it is not under a checkpoint
     */
    public IssuedReceipt receiptForLeaf(long leafIndex) throws NotIntegratedException {
        TreeLeaf leaf = store.leaf(leafIndex).orElseThrow(() -> new NotIntegratedException(
                "leaf " + leafIndex + " is not integrated yet: the tree has " + store.size() + " leaves"));
        return receiptFor(leaf);
    }

    /**
     * The proof that the checkpoint of {@code size1} leaves is a prefix of the checkpoint of {@code size2}.
     *
     * @throws ProofUnavailableException if either size has no checkpoint
     * @throws IllegalArgumentException unless {@code 1 <= size1 <= size2}
     */
    public CheckpointConsistency consistency(long size1, long size2) throws ProofUnavailableException {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 1 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
        }
        SignedCheckpoint older = checkpointOfSize(size1);
        SignedCheckpoint newer = checkpointOfSize(size2);
        ConsistencyProof proof = PrefetchedNodes.compute(store, nodes -> ProofBuilder.consistency(nodes, size1, size2));
        try {
            proof.verify(older.root(), newer.root());
        } catch (VerificationException e) {
            throw new TreeStoreException("the stored tree does not join the checkpoints of sizes " + size1 + " and "
                    + size2 + ": " + e.getMessage(), e);
        }
        return new CheckpointConsistency(older, newer, proof);
    }

    /**
     * A receipt for the statement at log {@code position} against {@code checkpoint}, which need not be the latest:
     * an export proves all its statements against one checkpoint while new ones are signed.
     *
     * @throws NotIntegratedException if the statement is not under that checkpoint
     */
    public IssuedReceipt receiptForPosition(long position, SignedCheckpoint checkpoint) throws NotIntegratedException {
        TreeLeaf leaf = store.leafAtPosition(position).orElseThrow(() -> new NotIntegratedException(
                "the statement at log position " + position + " is not integrated yet: the tree ends at position "
                        + store.state().lastPosition()));
        if (checkpoint.treeSize() <= leaf.leafIndex()) {
            throw new NotIntegratedException("leaf " + leaf.leafIndex() + " (log position " + position
                    + ") is not under the checkpoint of size " + checkpoint.treeSize());
        }
        return receiptFor(leaf, checkpoint);
    }

    private IssuedReceipt receiptFor(TreeLeaf leaf) throws NotIntegratedException {
        Optional<SignedCheckpoint> latest = store.checkpoints().latest();
        if (latest.isEmpty() || latest.get().treeSize() <= leaf.leafIndex()) {
            throw new NotIntegratedException("leaf " + leaf.leafIndex() + " (log position " + leaf.position()
                    + ") is not under a checkpoint yet: the latest checkpoint covers "
                    + latest.map(SignedCheckpoint::treeSize).orElse(0L) + " leaves");
        }
        return receiptFor(leaf, latest.get());
    }

    private IssuedReceipt receiptFor(TreeLeaf leaf, SignedCheckpoint checkpoint) {
        InclusionProof proof = PrefetchedNodes.compute(store,
                nodes -> ProofBuilder.inclusion(nodes, leaf.leafIndex(), checkpoint.treeSize()));
        try {
            proof.verify(leaf.leafHash(), checkpoint.root());
        } catch (VerificationException e) {
            throw new TreeStoreException("the stored tree does not lead from leaf " + leaf.leafIndex()
                    + " to the root of the checkpoint of size " + checkpoint.treeSize() + ": " + e.getMessage(), e);
        }
        return new IssuedReceipt(leaf, checkpoint, issuer.get().inclusion(proof, checkpoint.root()));
    }

    private SignedCheckpoint checkpointOfSize(long size) throws ProofUnavailableException {
        Optional<SignedCheckpoint> checkpoint = store.checkpoints().ofSize(size);
        if (checkpoint.isEmpty()) {
            throw new ProofUnavailableException("there is no checkpoint of size " + size + "; "
                    + store.checkpoints().latest().map(latest -> "the latest has size " + latest.treeSize())
                            .orElse("there is none yet"));
        }
        return checkpoint.get();
    }
}
