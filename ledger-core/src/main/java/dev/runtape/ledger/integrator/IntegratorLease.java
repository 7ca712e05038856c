package dev.runtape.ledger.integrator;

import java.time.Duration;

/**
 * The right to integrate: one owner at a time, even with several nodes on one database. A lease lasts a time to live
 * after it was last taken or renewed, measured by the database's clock so that the nodes' clocks do not matter; a
 * node that crashes stops renewing, and its lease expires.
 *
 * <p>The lease keeps integrators from working against each other; it is not what keeps the tree correct: {@link
 * TreeStore#extend} refuses any extension that does not start where the tree ends, so a node that lost its lease
 * without noticing cannot assign a leaf twice.
 */
public interface IntegratorLease {

    /**
     * Takes the lease for {@code owner} when it is free, expired, or held by {@code owner} already.
     *
     * @return whether {@code owner} holds the lease now, for {@code ttl} from the database's now
     * @throws TreeStoreException if the store fails
     */
    boolean tryAcquire(String owner, Duration ttl);

    /**
     * Extends the lease of {@code owner} to {@code ttl} from the database's now, provided nobody else took it since
     * {@code owner} last held it. An expired lease that nobody took is renewed: no one else can have integrated
     * under it.
     *
     * @return whether {@code owner} still holds the lease
     * @throws TreeStoreException if the store fails
     */
    boolean renew(String owner, Duration ttl);

    /**
     * Gives the lease up, when {@code owner} holds it, so that another node takes over without waiting for it to
     * expire. Does nothing otherwise.
     *
     * @throws TreeStoreException if the store fails
     */
    void release(String owner);
}
