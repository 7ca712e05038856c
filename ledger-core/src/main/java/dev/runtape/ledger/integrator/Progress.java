package dev.runtape.ledger.integrator;

import dev.runtape.ledger.log.LogEntry;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a leading integrator knows of the tree: its right edge, the last integrated log position, and the latest
 * checkpoint. Loaded from the store when the lease is taken, then kept in step with each write. Immutable.
 */
record Progress(Frontier frontier, long lastPosition, Optional<SignedCheckpoint> latest) {

    /** Reads the progress of the tree in {@code store}: O(log n) node reads, no hashing. */
    static Progress load(TreeStore store) {
        TreeState state = store.state();
        Frontier frontier = PrefetchedNodes.compute(store, nodes -> Frontier.read(nodes, state.size()));
        return new Progress(frontier, state.lastPosition(), store.checkpoints().latest());
    }

    long size() {
        return frontier.size();
    }

    Optional<Checkpoint> latestCheckpoint() {
        return latest.map(SignedCheckpoint::checkpoint);
    }

    /**
     * The extension that adds {@code entries} after this progress, skipping any at or below the last integrated
     * position: a replayed entry keeps the leaf it has. Empty when nothing is new.
     */
    Optional<Step> extendWith(List<LogEntry> entries) {
        List<LogEntry> fresh = entries.stream().filter(entry -> entry.position() > lastPosition).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<Digest> hashes = new ArrayList<>(fresh.size());
        List<TreeLeaf> leaves = new ArrayList<>(fresh.size());
        for (LogEntry entry : fresh) {
            Digest leafHash = Rfc9162Hasher.hashLeaf(entry.statement().bytes());
            hashes.add(leafHash);
            leaves.add(new TreeLeaf(size() + leaves.size(), entry.position(), leafHash));
        }
        Frontier.Growth growth = frontier.append(hashes);
        TreeExtension extension = new TreeExtension(size(), leaves, growth.nodes());
        return Optional.of(new Step(extension, new Progress(growth.frontier(), extension.lastPosition(), latest)));
    }

    Progress withLatest(SignedCheckpoint checkpoint) {
        return new Progress(frontier, lastPosition, Optional.of(checkpoint));
    }

    /** An extension to store, and the progress once it is stored. */
    record Step(TreeExtension extension, Progress after) {}
}
