package dev.runtape.ledger.node;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a node shares a ledger with other nodes (decision 0022): the ledger's keys, the producers' registrations and
 * the contents live in the store's PostgreSQL database instead of its data directory, the signing keys sealed with
 * the key in {@code sealingKeyFile}, which every node is given; each node takes on what the others changed every
 * {@code refreshEvery}.
 */
public record ClusterSettings(Path sealingKeyFile, Duration refreshEvery) {

    public ClusterSettings {
        if (refreshEvery.isNegative() || refreshEvery.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive: " + refreshEvery);
        }
    }
}
