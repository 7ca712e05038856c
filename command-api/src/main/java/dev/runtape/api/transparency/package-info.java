/**
 * The transparency service: statements producers signed themselves ({@code POST /entries}), receipts, checkpoints,
 * consistency proofs and the public keys that verify them, in the manner of the SCITT reference API.
 */
@NullMarked
package dev.runtape.api.transparency;

import org.jspecify.annotations.NullMarked;
