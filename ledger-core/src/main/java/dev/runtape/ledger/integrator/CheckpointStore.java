package dev.runtape.ledger.integrator;

import java.util.Optional;

/** The checkpoints the integrator signed, at most one per tree size. Part of a {@link TreeStore}. */
public interface CheckpointStore {

    /**
     * Stores a signed checkpoint unless one of its tree size is stored already.
     *
     * @return whether it was stored; false when the size had a checkpoint, which is then kept as it was
     * @throws TreeStoreException if the store fails
     */
    boolean add(SignedCheckpoint checkpoint);

    /** The checkpoint of the largest tree size, or empty when there is none. */
    Optional<SignedCheckpoint> latest();

    /** The checkpoint of exactly {@code treeSize} leaves, or empty when there is none. */
    Optional<SignedCheckpoint> ofSize(long treeSize);
}
