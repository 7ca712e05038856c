package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.NodeSource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a computation over a tree store's nodes with one batched read instead of one read per node.
 *
 * <p>The computation runs twice: first over placeholder hashes, to learn which nodes it asks for, then over those
 * nodes read in one go. That is sound for the verifier's {@code ProofBuilder}, whose choice of nodes depends on the
 * sizes and indexes alone, never on hash values; the second run checks it by failing on any node not read. The
 * first run's hashing is a few dozen SHA-256 of 65 bytes, far cheaper than the round trips it saves.
 */
final class PrefetchedNodes {

    private static final Digest PLACEHOLDER = Digest.ZERO;

    private PrefetchedNodes() {}

    static <T> T compute(TreeStore store, Function<NodeSource, T> computation) {
        Set<NodeAddress> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new NodeAddress(level, index));
            return PLACEHOLDER;
        });
        Map<NodeAddress, Digest> nodes = store.nodes(wanted);
        return computation.apply((level, index) -> {
            Digest node = nodes.get(new NodeAddress(level, index));
            if (node == null) {
                throw new IllegalStateException("the computation asked for node (" + level + ", " + index
                        + ") only once it saw real hashes; it cannot be prefetched");
            }
            return node;
        });
    }
}
