/**
 * COSE Receipts (RFC 9942) for the verifiable data structure RFC9162_SHA256: a COSE_Sign1 by the log whose detached
 * payload is a Merkle root, with inclusion or consistency proofs in its unprotected header (label 396). Verifying a
 * receipt recomputes the root from the proof and checks the log's signature over it.
 *
 * <p>A proof does not bind the tree size by itself: paths of the same shape verify for neighbouring sizes. A root
 * is trusted together with its size only when a signed checkpoint states both.
 */
@NullMarked
package dev.runtape.verifier.receipt;

import org.jspecify.annotations.NullMarked;
