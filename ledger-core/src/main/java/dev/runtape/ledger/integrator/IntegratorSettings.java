package dev.runtape.ledger.integrator;

import java.time.Duration;

/**
 * How the integrator runs.
 *
 * @param origin the log's name: the origin of its checkpoints and the issuer of its receipts
 * @param owner this node's name in the lease; unique among the nodes that share a database
 * @param checkpointEveryLeaves sign a checkpoint once this many leaves arrived since the latest
 * @param checkpointInterval or once this long passed since the latest with at least one new leaf
 * @param batchSize the most log entries one cycle reads and integrates in one transaction
 * @param leaseTtl how long the lease lasts unrenewed; a node that crashed is replaced after about this long. The
 *     integrator renews it every third of this, so a cycle (one batch) must take well under a third
 */
public record IntegratorSettings(String origin, String owner, int checkpointEveryLeaves,
        Duration checkpointInterval, int batchSize, Duration leaseTtl) {

    public static final int DEFAULT_CHECKPOINT_EVERY_LEAVES = 1000;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);

    public IntegratorSettings {
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("the log needs a name: origin must not be empty");
        }
        if (owner.isEmpty() || owner.length() > 200) {
            throw new IllegalArgumentException("owner must have 1 to 200 characters: \"" + owner + "\"");
        }
        new CheckpointPolicy(checkpointEveryLeaves, checkpointInterval); // checks both
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        if (leaseTtl.toMillis() < 3) {
            throw new IllegalArgumentException("the lease needs a time to live of at least 3 ms: " + leaseTtl);
        }
    }

    /** The defaults: a checkpoint per 1000 leaves or per second, batches of 1000, a lease of 10 s. */
    public static IntegratorSettings defaults(String origin, String owner) {
        return new IntegratorSettings(origin, owner, DEFAULT_CHECKPOINT_EVERY_LEAVES, DEFAULT_CHECKPOINT_INTERVAL,
                DEFAULT_BATCH_SIZE, DEFAULT_LEASE_TTL);
    }

    public IntegratorSettings withCheckpointEvery(int leaves, Duration interval) {
        return new IntegratorSettings(origin, owner, leaves, interval, batchSize, leaseTtl);
    }

    public IntegratorSettings withBatchSize(int size) {
        return new IntegratorSettings(origin, owner, checkpointEveryLeaves, checkpointInterval, size, leaseTtl);
    }

    public IntegratorSettings withLeaseTtl(Duration ttl) {
        return new IntegratorSettings(origin, owner, checkpointEveryLeaves, checkpointInterval, batchSize, ttl);
    }

    public CheckpointPolicy checkpointPolicy() {
        return new CheckpointPolicy(checkpointEveryLeaves, checkpointInterval);
    }

    /** How often the lease is renewed, and how often a node on standby asks for it. */
    public Duration leaseRenewal() {
        return leaseTtl.dividedBy(3);
    }
}
