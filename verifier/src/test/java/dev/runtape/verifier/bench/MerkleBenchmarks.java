package dev.runtape.verifier.bench;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Merkle roots: {@code root(size)} of a tree built in setup (read from its complete subtrees, O(log n)), and a
 * from-scratch build of the same tree from its leaf hashes (n appends, about 2n hashes) followed by its root.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class MerkleBenchmarks {

    @Param({"1024", "65536"})
    public int leaves;

    private Digest[] leafHashes;
    private InMemoryMerkleTree tree;

    @Setup(Level.Trial)
    public void setUp() {
        leafHashes = leafHashes(leaves);
        tree = new InMemoryMerkleTree();
        for (Digest leaf : leafHashes) {
            tree.append(leaf);
        }
    }

    @Benchmark
    public Digest root() {
        return tree.root(leaves);
    }

    @Benchmark
    public Digest buildAndRoot() {
        InMemoryMerkleTree fresh = new InMemoryMerkleTree();
        for (Digest leaf : leafHashes) {
            fresh.append(leaf);
        }
        return fresh.root();
    }

    /** The leaf hashes of the leaves 0, 1, 2... as 8-byte big-endian numbers. */
    static Digest[] leafHashes(int count) {
        Digest[] hashes = new Digest[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = Rfc9162Hasher.hashLeaf(ByteBuffer.allocate(8).putLong(i).array());
        }
        return hashes;
    }
}
