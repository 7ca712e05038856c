package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.NodeSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent Merkle tree of the log and the integrator's state: the port every storage adapter implements and
 * {@code TreeStoreContract} checks.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic, conditional extension.</b> {@link #extend} stores the new leaves (index, log position, leaf hash)
 *       and the complete subtrees they complete in one transaction, and only when the stored tree has exactly
 *       {@link TreeExtension#fromSize()} leaves and its last log position is below the extension's first:
 *       otherwise {@link TreeConflictException} and nothing is stored. So a leaf index is assigned once, indexes
 *       have no gap, and a log position is never integrated twice, whatever several integrators do.</li>
 *   <li><b>Every complete subtree is stored.</b> A root or proof needs O(log n) node reads ({@link #node},
 *       {@link #nodes}) and no hashing of leaves; a restarted integrator reads its {@link Frontier} and hashes only
 *       what is new.</li>
 *   <li><b>Durable at return</b>, as the event log's appends are.</li>
 * </ul>
 *
 * <p>Signed checkpoints are kept by {@link #checkpoints()} and the integrator's lease by {@link #lease()}, in the
 * same database. Implementations are safe for use by many threads at once.
 */
public interface TreeStore extends NodeSource {

    /** The number of leaves and the log position of the last one, read together. */
    TreeState state();

    /** The number of leaves. */
    default long size() {
        return state().size();
    }

    /**
     * Stores new leaves and the complete subtrees they complete, atomically.
     *
     * @throws TreeConflictException if the stored tree does not end where the extension starts; nothing is stored
     * @throws TreeStoreException if the store fails; nothing is stored
     */
    void extend(TreeExtension extension);

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the subtree is not complete in the stored tree
     */
    @Override
    Digest node(int level, long index);

    /**
     * The hashes of several complete subtrees, read in one transaction (one snapshot, one round trip where the
     * engine allows): how proofs are built without a query per node.
     *
     * @throws IllegalArgumentException if one of the subtrees is not complete in the stored tree
     */
    Map<NodeAddress, Digest> nodes(Collection<NodeAddress> addresses);

    /** The leaf with index {@code leafIndex}, or empty when the tree has no such leaf yet. */
    Optional<TreeLeaf> leaf(long leafIndex);

    /** The leaf of the statement at log position {@code position}, or empty while it is not integrated. */
    Optional<TreeLeaf> leafAtPosition(long position);

    /** The signed checkpoints of this tree. */
    CheckpointStore checkpoints();

    /** The lease that lets one integrator at a time extend this tree. */
    IntegratorLease lease();
}
