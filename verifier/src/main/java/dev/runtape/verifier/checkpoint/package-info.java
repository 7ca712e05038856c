/**
 * Checkpoints: the log's signed tree heads (origin, tree size, root, time) as COSE_Sign1 over deterministic CBOR.
 * The schema is {@code checkpoint.cddl} in the schemas-cddl module. A client that trusts one checkpoint checks a
 * newer one against it with a consistency proof, and every receipt against the checkpoint whose root it leads to.
 */
@NullMarked
package dev.runtape.verifier.checkpoint;

import org.jspecify.annotations.NullMarked;
