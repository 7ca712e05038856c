/**
 * The integrator: it follows the event log's global order, gives each statement its leaf index in the RFC 9162
 * Merkle tree of the log, keeps that tree in a {@link dev.runtape.ledger.integrator.TreeStore}, signs checkpoints,
 * and answers receipts and consistency proofs ({@link dev.runtape.ledger.integrator.ProofService}).
 *
 * <p>The port {@link dev.runtape.ledger.integrator.TreeStore} and its values live here; its adapters live with the
 * other adapters of their engine ({@code dev.runtape.ledger.storage.sqlite}, {@code dev.runtape.ledger.storage.postgres},
 * decision 0007). Hashing, roots and proofs are the verifier's ({@code dev.runtape.verifier.merkle}), so the ledger
 * and its clients cannot disagree about them.
 */
@NullMarked
package dev.runtape.ledger.integrator;

import org.jspecify.annotations.NullMarked;
