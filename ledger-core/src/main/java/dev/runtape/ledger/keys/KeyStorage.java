package dev.runtape.ledger.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import java.time.Clock;
import java.time.Instant;

/**
 * Where a node keeps the ledger's keys and the producers' registrations: files in its own data directory
 * ({@code dev.runtape.ledger.node.KeyDirectory}, one node), or documents shared by every node of the ledger
 * ({@code dev.runtape.ledger.cluster.SharedKeys}). Each change is kept before the ring or registry in memory shows
 * it, so nothing a caller was told is done is lost.
 */
public interface KeyStorage {

    /** The ledger's key ring, generating and keeping a first key when the ledger has none. */
    LedgerKeyRing ledgerKeys(Clock clock) throws KeyStorageException;

    /** Whether {@link #ledgerKeys} generated the ledger's first key: a new ledger. */
    boolean createdFirstKey();

    /** The producers' registered keys; none when nothing was registered yet. */
    ProducerKeyRegistry producerKeys() throws KeyStorageException;

    /**
     * Makes {@code newKey} the primary of {@code ring} from {@code at} on, and keeps it.
     *
     * @throws IllegalArgumentException as {@link LedgerKeyRing#rotate} does
     */
    void rotate(LedgerKeyRing ring, SigningKey newKey, Instant at) throws KeyStorageException;

    /**
     * Revokes a ledger key from {@code effectiveAt} on, and keeps the revocation.
     *
     * @throws IllegalArgumentException if no ledger key has this kid
     * @throws IllegalStateException if it is the primary
     */
    void revoke(LedgerKeyRing ring, Digest kid, Instant effectiveAt) throws KeyStorageException;

    /**
     * Registers a producer's key to its principal, and keeps the registration.
     *
     * @throws IllegalArgumentException if the key is registered already
     */
    KeyRecord register(ProducerKeyRegistry producers, String principal, VerificationKey key, Instant validFrom)
            throws KeyStorageException;

    /**
     * Revokes a producer's key from {@code effectiveAt} on, and keeps the revocation.
     *
     * @throws IllegalArgumentException if no producer key has this kid
     */
    KeyRecord revokeProducerKey(ProducerKeyRegistry producers, Digest kid, Instant effectiveAt)
            throws KeyStorageException;

    /**
     * Brings {@code ring} and {@code producers} up to date with what other nodes changed.
     *
     * @return whether anything changed
     */
    boolean refresh(LedgerKeyRing ring, ProducerKeyRegistry producers) throws KeyStorageException;
}
