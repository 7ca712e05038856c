package dev.runtape.ledger.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's signing keys: exactly one primary, which signs, and the public halves of every key it ever had, which
 * verify what they signed.
 *
 * <ul>
 *   <li>{@link #rotate} makes a new key primary from a time on; the old key stays, unrevoked, so its statements keep
 *       verifying.</li>
 *   <li>{@link #revoke} stops a key counting from a time on. The primary cannot be revoked: rotate first, so the
 *       ledger always has a key to sign with.</li>
 * </ul>
 *
 * <p>Only the primary's private key is held; the key set file ({@link KeySetFile}) holds the public keys and the
 * primary's private key lives in its own PKCS#8 file ({@link KeyFiles}). Reading the primary takes no lock; changes
 * are serialised. Safe for use by many threads.
 */
public final class LedgerKeyRing {

    /** What the ring holds at one moment: changed only by replacing it whole. */
    private record State(SigningKey primary, List<KeyRecord> records) {
    }

    private volatile State state;

    private LedgerKeyRing(State state) {
        this.state = state;
    }

    /** A ring of one key, primary from {@code validFrom}. */
    public static LedgerKeyRing create(SigningKey first, Instant validFrom) {
        return new LedgerKeyRing(new State(first, List.of(KeyRecord.ledgerKey(first.verificationKey(), validFrom))));
    }

    /**
     * The ring as kept: the records of its key set file and the primary's private key.
     *
     * @throws IllegalArgumentException if a record names a principal, a key appears twice, or {@code primary} is not
     *     among the records, is revoked, or is not the unrevoked key made valid last
     */
    public static LedgerKeyRing restore(Collection<KeyRecord> records, SigningKey primary) {
        List<KeyRecord> list = List.copyOf(records);
        List<Digest> seen = new ArrayList<>();
        for (KeyRecord record : list) {
            if (record.principal().isPresent()) {
                throw new IllegalArgumentException("ledger key " + record.kid().hex() + " names a principal ("
                        + record.principal().get() + "): it is a producer's key");
            }
            if (seen.contains(record.kid())) {
                throw new IllegalArgumentException("ledger key " + record.kid().hex() + " appears twice");
            }
            seen.add(record.kid());
        }
        KeyRecord primaryRecord = list.stream().filter(r -> r.kid().equals(primary.verificationKey().thumbprint()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the primary key "
                        + primary.verificationKey().thumbprint().hex() + " is not in the key set"));
        if (primaryRecord.revokedAt().isPresent()) {
            throw new IllegalArgumentException("the primary key " + primaryRecord.kid().hex() + " is revoked");
        }
        for (KeyRecord record : list) {
            if (record.revokedAt().isEmpty() && record.validFrom().isAfter(primaryRecord.validFrom())) {
                throw new IllegalArgumentException("key " + record.kid().hex() + " became valid at "
                        + record.validFrom() + ", after the primary " + primaryRecord.kid().hex() + " ("
                        + primaryRecord.validFrom() + "): the primary is the unrevoked key made valid last");
            }
        }
        return new LedgerKeyRing(new State(primary, list));
    }

    /**
     * Takes on what {@code newer} holds, whole: how a node adopts the keys another node rotated or revoked. Readers
     * see the old state or the new, never a mix.
     */
    public synchronized void adopt(LedgerKeyRing newer) {
        state = newer.state;
    }

    /**
     * The record of the key a ring restored from {@code records} signs with: the unrevoked key made valid last, and of
     * two made valid at the same moment (key sets keep whole seconds), the one that joined the ring last.
     */
    public static Optional<KeyRecord> primaryOf(List<KeyRecord> records) {
        @Nullable KeyRecord primary = null;
        for (KeyRecord record : records) {
            if (record.revokedAt().isEmpty()
                    && (primary == null || !record.validFrom().isBefore(primary.validFrom()))) {
                primary = record;
            }
        }
        return Optional.ofNullable(primary);
    }

    /** The key that signs now. */
    public SigningKey primary() {
        return state.primary();
    }

    /**
     * Makes {@code newKey} the primary, valid from {@code at}. The old primary stays valid for what it signed.
     *
     * @throws IllegalArgumentException if the key is in the ring already, or {@code at} is before the current
     *     primary became valid
     */
    public synchronized void rotate(SigningKey newKey, Instant at) {
        State current = state;
        KeyRecord record = KeyRecord.ledgerKey(newKey.verificationKey(), at);
        if (find(record.kid()).isPresent()) {
            throw new IllegalArgumentException("key " + record.kid().hex() + " is in the ring already");
        }
        Instant primaryFrom = primaryRecord(current).validFrom();
        if (record.validFrom().isBefore(primaryFrom)) {
            throw new IllegalArgumentException("a rotation at " + record.validFrom()
                    + " would precede the current primary, valid from " + primaryFrom);
        }
        List<KeyRecord> records = new ArrayList<>(current.records());
        records.add(record);
        state = new State(newKey, List.copyOf(records));
    }

    /**
     * Revokes a key from {@code effectiveAt} on: statements it signed with an {@code iat} at or after that time no
     * longer count. An earlier revocation of the same key stands.
     *
     * @throws IllegalArgumentException if no key of the ring has this kid
     * @throws IllegalStateException if it is the primary: rotate to a new key first
     */
    public synchronized void revoke(Digest kid, Instant effectiveAt) {
        State current = state;
        if (current.primary().verificationKey().thumbprint().equals(kid)) {
            throw new IllegalStateException("key " + kid.hex() + " is the primary: rotate to a new key before "
                    + "revoking it");
        }
        KeyRecord existing = find(kid).orElseThrow(() ->
                new IllegalArgumentException("no ledger key has kid " + kid.hex()));
        List<KeyRecord> records = new ArrayList<>(current.records());
        records.set(records.indexOf(existing), existing.revokedFrom(effectiveAt));
        state = new State(current.primary(), List.copyOf(records));
    }

    /** The key with this kid and the times it may sign, to verify what the ledger signed. */
    public Optional<KeyRecord> find(Digest kid) {
        return state.records().stream().filter(r -> r.kid().equals(kid)).findFirst();
    }

    /** The key with this kid if it counts for a statement issued at {@code iat}. */
    public Optional<KeyRecord> findValidAt(Digest kid, Instant iat) {
        return find(kid).filter(record -> record.validAt(iat));
    }

    /** The record of the primary key. */
    public KeyRecord primaryRecord() {
        return primaryRecord(state);
    }

    /** Every key, in the order they joined the ring: what the key set file holds. */
    public List<KeyRecord> records() {
        return state.records();
    }

    private static KeyRecord primaryRecord(State state) {
        Digest kid = state.primary().verificationKey().thumbprint();
        return state.records().stream().filter(r -> r.kid().equals(kid)).findFirst().orElseThrow();
    }
}
