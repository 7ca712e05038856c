package dev.runtape.projections.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The graphs in memory, one per tenant, and the log position they have taken in, kept together so the position
 * never says more than the graphs hold. A tenant's query only ever reads that tenant's graph. Safe for use by many
 * threads: queries share a read lock, the projection's writes take the write lock one event at a time.
 *
 * <p>Nothing is persisted: the projection rebuilds it from position 0 when the service starts. A persistent store
 * keeps its position in the same transaction as its graph updates.
 */
public final class LineageStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, LineageGraph> tenants = new HashMap<>();
    private long position;

    /**
     * Applies one event's updates to its tenant's graph and moves the position to the event's.
     *
     * @throws IllegalArgumentException if {@code position} is not after the position already taken in
     */
    public void apply(long position, String tenant, List<GraphUpdate> updates) {
        lock.writeLock().lock();
        try {
            if (position <= this.position) {
                throw new IllegalArgumentException("position " + position + " is not after " + this.position);
            }
            if (!updates.isEmpty()) {
                LineageGraph graph = tenants.computeIfAbsent(tenant, name -> new LineageGraph());
                updates.forEach(graph::apply);
            }
            this.position = position;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The last log position taken in; 0 when empty. */
    public long position() {
        lock.readLock().lock();
        try {
            return position;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Forgets everything, back to position 0: how a replay starts. */
    public void clear() {
        lock.writeLock().lock();
        try {
            tenants.clear();
            position = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The lineage of a node of {@code tenant}; empty when the tenant has no such node. */
    public Optional<LineageView> lineage(String tenant, LineageQuery query) {
        lock.readLock().lock();
        try {
            LineageGraph graph = tenants.get(tenant);
            return graph == null ? Optional.empty() : graph.walk(query);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A node of {@code tenant}, if it has one. */
    public Optional<LineageNode> node(String tenant, NodeId id) {
        lock.readLock().lock();
        try {
            LineageGraph graph = tenants.get(tenant);
            return graph == null ? Optional.empty() : graph.node(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Nodes and edges of each tenant's graph, for reports and tests. */
    public Map<String, Size> sizes() {
        lock.readLock().lock();
        try {
            Map<String, Size> sizes = new HashMap<>();
            tenants.forEach((tenant, graph) -> sizes.put(tenant, new Size(graph.nodeCount(), graph.edgeCount())));
            return Map.copyOf(sizes);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How big one tenant's graph is. */
    public record Size(int nodes, int edges) {
    }
}
