/**
 * Signature keys, shaped as Tink shapes them: the algorithm ({@link dev.runtape.verifier.keys.SignatureAlgorithm}),
 * public keys that verify ({@link dev.runtape.verifier.keys.VerificationKey}) and private keys that sign
 * ({@link dev.runtape.verifier.keys.SigningKey}), whose secret bytes leave only through a
 * {@link dev.runtape.verifier.keys.SecretKeyAccess} token. Keys travel as COSE_Key and COSE_KeySet (RFC 9052 §7)
 * or JWK and JWK Set (RFC 7517, RFC 8037), and are named by their RFC 9679 thumbprint.
 *
 * <p>Cryptography runs on Bouncy Castle's lightweight API: its Ed25519 is twenty times faster than the JDK's here,
 * and its P-256 with the custom curve parameters six times faster than the generic ones (ENVIRONMENT.md).
 */
@NullMarked
package dev.runtape.verifier.keys;

import org.jspecify.annotations.NullMarked;
