package dev.runtape.ledger.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.VerificationKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys producers sign their own statements with, each registered to one principal with the times it may
 * sign. Lookups see a consistent snapshot without locking; changes are serialised. Safe for use by many threads.
 */
public final class ProducerKeyRegistry {

    private volatile Map<Digest, KeyRecord> byKid;

    private ProducerKeyRegistry(Map<Digest, KeyRecord> byKid) {
        this.byKid = byKid;
    }

    public static ProducerKeyRegistry empty() {
        return new ProducerKeyRegistry(Map.of());
    }

    /**
     * The registry holding {@code records}, as read from its key set file.
     *
     * @throws IllegalArgumentException if a record names no principal, or a key appears twice
     */
    public static ProducerKeyRegistry of(Collection<KeyRecord> records) {
        Map<Digest, KeyRecord> byKid = new LinkedHashMap<>();
        for (KeyRecord record : records) {
            if (record.principal().isEmpty()) {
                throw new IllegalArgumentException("producer key " + record.kid().hex() + " names no principal");
            }
            if (byKid.putIfAbsent(record.kid(), record) != null) {
                throw new IllegalArgumentException("producer key " + record.kid().hex() + " appears twice");
            }
        }
        return new ProducerKeyRegistry(freeze(byKid));
    }

    /**
     * Registers {@code key} to {@code principal}, valid from {@code validFrom}.
     *
     * @throws IllegalArgumentException if the key is registered already (to this principal or another)
     */
    public synchronized KeyRecord register(String principal, VerificationKey key, Instant validFrom) {
        KeyRecord record = KeyRecord.producerKey(principal, key, validFrom);
        KeyRecord existing = byKid.get(record.kid());
        if (existing != null) {
            throw new IllegalArgumentException("key " + record.kid().hex() + " is registered already, to "
                    + existing.principal().orElseThrow());
        }
        Map<Digest, KeyRecord> next = new LinkedHashMap<>(byKid);
        next.put(record.kid(), record);
        byKid = freeze(next);
        return record;
    }

    /**
     * Revokes a key from {@code effectiveAt} on: statements with an {@code iat} at or after it no longer count. An
     * earlier revocation of the same key stands.
     *
     * @throws IllegalArgumentException if no key has this kid
     */
    public synchronized KeyRecord revoke(Digest kid, Instant effectiveAt) {
        KeyRecord existing = byKid.get(kid);
        if (existing == null) {
            throw new IllegalArgumentException("no producer key has kid " + kid.hex());
        }
        KeyRecord revoked = existing.revokedFrom(effectiveAt);
        Map<Digest, KeyRecord> next = new LinkedHashMap<>(byKid);
        next.put(kid, revoked);
        byKid = freeze(next);
        return revoked;
    }

    /** Takes on what {@code newer} holds, whole: how a node adopts registrations made on another node. */
    public synchronized void adopt(ProducerKeyRegistry newer) {
        byKid = newer.byKid;
    }

    /** The registration of the key with this kid. */
    public Optional<KeyRecord> find(Digest kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    /** The keys registered to {@code principal}, in the order they were registered. */
    public List<KeyRecord> keysOf(String principal) {
        return byKid.values().stream().filter(r -> r.principal().orElseThrow().equals(principal)).toList();
    }

    /** Every registration, in the order they were made: what the key set file holds. */
    public List<KeyRecord> records() {
        return List.copyOf(byKid.values());
    }

    private static Map<Digest, KeyRecord> freeze(Map<Digest, KeyRecord> map) {
        return Collections.unmodifiableMap(map);
    }
}
