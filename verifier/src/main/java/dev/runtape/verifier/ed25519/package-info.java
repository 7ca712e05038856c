/**
 * Ed25519 verification of many signatures at once (RFC 8032 §5.1.7, cofactored): one random linear combination of
 * their equations, checked with one multi-scalar multiplication, costs a fraction of verifying each alone. The field
 * arithmetic is Bouncy Castle's ({@code X25519Field}); the points, the scalars and the multiplication are here,
 * because Bouncy Castle keeps its own private.
 *
 * <p>A batch only says whether all of its signatures are valid; a caller that needs to know which one is not
 * verifies them one by one with {@link dev.runtape.verifier.keys.EdDsaVerificationKey}.
 */
@NullMarked
package dev.runtape.verifier.ed25519;

import org.jspecify.annotations.NullMarked;
