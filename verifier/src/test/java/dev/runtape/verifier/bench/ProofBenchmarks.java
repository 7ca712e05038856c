package dev.runtape.verifier.bench;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.InclusionProof;
import dev.runtape.verifier.merkle.ProofBuilder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Inclusion and consistency proofs in a tree of 1,000,000 leaves, built once per trial: generating one for a
 * random leaf (or random pair of sizes), and verifying one from a pool made in setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class ProofBenchmarks {

    static final int SIZE = 1_000_000;
    private static final int POOL = 1024;

    private InMemoryMerkleTree tree;
    private Digest[] leafHashes;
    private Digest root;
    private final SplittableRandom random = new SplittableRandom(42);

    private InclusionProof[] inclusions;
    private ConsistencyProof[] consistencies;
    private Digest[] oldRoots;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws VerificationException {
        leafHashes = MerkleBenchmarks.leafHashes(SIZE);
        tree = new InMemoryMerkleTree();
        for (Digest leaf : leafHashes) {
            tree.append(leaf);
        }
        root = tree.root();
        inclusions = new InclusionProof[POOL];
        consistencies = new ConsistencyProof[POOL];
        oldRoots = new Digest[POOL];
        for (int i = 0; i < POOL; i++) {
            inclusions[i] = ProofBuilder.inclusion(tree, random.nextInt(SIZE), SIZE);
            int size1 = 1 + random.nextInt(SIZE - 1);
            consistencies[i] = ProofBuilder.consistency(tree, size1, SIZE);
            oldRoots[i] = tree.root(size1);
            inclusions[i].verify(leafHashes[(int) inclusions[i].leafIndex()], root);
            consistencies[i].verify(oldRoots[i], root);
        }
    }

    @Benchmark
    public InclusionProof inclusionProof() {
        return ProofBuilder.inclusion(tree, random.nextInt(SIZE), SIZE);
    }

    @Benchmark
    public ConsistencyProof consistencyProof() {
        return ProofBuilder.consistency(tree, 1 + random.nextInt(SIZE - 1), SIZE);
    }

    @Benchmark
    public Digest inclusionVerify() throws VerificationException {
        InclusionProof proof = inclusions[next++ & (POOL - 1)];
        proof.verify(leafHashes[(int) proof.leafIndex()], root);
        return root;
    }

    @Benchmark
    public Digest consistencyVerify() throws VerificationException {
        int i = next++ & (POOL - 1);
        consistencies[i].verify(oldRoots[i], root);
        return root;
    }
}
