/**
 * What a client needs to verify Runtape records offline, and what the ledger itself signs and checks with.
 *
 * <p>Each protocol has its own package: {@code cose} (COSE_Sign1, RFC 9052), {@code keys} (COSE_Key, JWK, RFC 9679
 * thumbprints), {@code merkle} (RFC 9162 trees and proofs), {@code receipt} (RFC 9942 receipts), {@code checkpoint}
 * (signed tree heads) and {@code cli} ({@code runtape-verify}); the deterministic CBOR they stand on is
 * {@code dev.runtape.cbor} in the schemas-cddl module. Every decoder of outside bytes throws {@link dev.runtape.verifier.FormatException};
 * every failed check throws {@link dev.runtape.verifier.VerificationException}.
 */
@NullMarked
package dev.runtape.verifier;

import org.jspecify.annotations.NullMarked;
