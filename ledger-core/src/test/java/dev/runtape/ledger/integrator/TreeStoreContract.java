package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantees of {@link TreeStore}, its checkpoints and its lease, checked against a real database and against
 * the verifier's {@link InMemoryMerkleTree}. Each adapter's test extends this class and says how to open stores.
 */
public abstract class TreeStoreContract {

    private static final CheckpointSigner SIGNER = new CheckpointSigner(Ed25519SigningKey.generate(new SecureRandom()));
    private static final Duration LONG_LEASE = Duration.ofMinutes(10);

    protected TreeStore store;

    /** A store on a new, empty database. */
    protected abstract TreeStore createStore() throws Exception;

    /** Another store on the database of {@link #createStore()}, as another node would open it. */
    protected abstract TreeStore openAnother() throws Exception;

    /** Closes every connection to the database of {@link #createStore()} and opens it again: a restart. */
    protected abstract TreeStore reopen() throws Exception;

    @BeforeEach
    final void openStore() throws Exception {
        store = createStore();
    }

    private static SignedCheckpoint signed(long size, Digest root, Instant at) {
        Checkpoint checkpoint = new Checkpoint("runtape.test/log", size, root, at);
        return new SignedCheckpoint(checkpoint, SIGNER.sign(checkpoint));
    }

    @Test
    void anEmptyStoreHasNoLeafNoCheckpointAndTheEmptyRoot() {
        assertThat(store.state()).isEqualTo(TreeState.EMPTY);
        assertThat(ProofBuilder.root(store, 0)).isEqualTo(Rfc9162Hasher.emptyRoot());
        assertThat(store.leaf(0)).isEmpty();
        assertThat(store.leafAtPosition(1)).isEmpty();
        assertThat(store.checkpoints().latest()).isEmpty();
    }

    /** Edge sizes around powers of two, and three random ones (shown in the test's name, to repeat a failure). */
    static IntStream sizes() {
        Random random = new Random();
        return IntStream.concat(IntStream.of(1, 2, 3, 8, 31, 64, 65, 97, 300),
                IntStream.generate(() -> 1 + random.nextInt(500)).limit(3));
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void rootsAndProofsFromTheStoreEqualThoseOfTheInMemoryTreeAtEverySize(int size) {
        GrowingTree tree = new GrowingTree(1);
        Random random = new Random(size);
        while (tree.size() < size) {
            store.extend(tree.grow((int) Math.min(size - tree.size(), 1 + random.nextInt(40))));
        }
        InMemoryMerkleTree reference = tree.reference();

        assertThat(store.state()).isEqualTo(new TreeState(size, size));
        for (long s = 1; s <= size; s++) {
            if (s <= 64 || s % 7 == 0 || s == size) { // every small size, and enough large ones for every shape
                assertThat(ProofBuilder.root(store, s)).as("root of size " + s).isEqualTo(reference.root(s));
            }
        }
        for (int i = 0; i < 20; i++) {
            long size2 = 1 + random.nextInt(size);
            long size1 = 1 + random.nextInt((int) size2);
            long index = random.nextInt((int) size2);
            assertThat(ProofBuilder.inclusion(store, index, size2))
                    .isEqualTo(ProofBuilder.inclusion(reference, index, size2));
            assertThat(ProofBuilder.consistency(store, size1, size2))
                    .isEqualTo(ProofBuilder.consistency(reference, size1, size2));
        }
    }

    @Test
    void everyCompleteSubtreeIsStoredAndReadInOneBatch() {
        GrowingTree tree = new GrowingTree(1);
        store.extend(tree.grow(45));
        store.extend(tree.grow(1));
        store.extend(tree.grow(54));
        List<NodeAddress> everyNode = new ArrayList<>();
        for (int level = 0; (100 >> level) > 0; level++) {
            for (long index = 0; index < (100 >> level); index++) {
                everyNode.add(new NodeAddress(level, index));
            }
        }

        Map<NodeAddress, Digest> nodes = store.nodes(everyNode);

        assertThat(nodes).hasSize(everyNode.size());
        everyNode.forEach(address -> assertThat(nodes.get(address)).as(address.toString())
                .isEqualTo(tree.reference().node(address.level(), address.index())));
    }

    @Test
    void aSubtreeThatIsNotCompleteIsRefusedAsABadArgument() {
        store.extend(new GrowingTree(1).grow(5));

        assertThatThrownBy(() -> store.node(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.node(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.nodes(List.of(new NodeAddress(2, 0), new NodeAddress(2, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level 2, index 1");
    }

    @Test
    void leavesAreFoundByIndexAndByLogPosition() {
        GrowingTree tree = new GrowingTree(3);
        store.extend(tree.grow(4));

        assertThat(store.leaf(2)).contains(new TreeLeaf(2, 9, GrowingTree.leafHash(2)));
        assertThat(store.leafAtPosition(9)).contains(new TreeLeaf(2, 9, GrowingTree.leafHash(2)));
        assertThat(store.leafAtPosition(8)).isEmpty();
        assertThat(store.leaf(4)).isEmpty();
        assertThat(store.state()).isEqualTo(new TreeState(4, 12));
    }

    @Test
    void anExtensionFromAStaleSizeIsRefusedAndStoresNothing() {
        GrowingTree tree = new GrowingTree(1);
        TreeExtension first = tree.peek(3);
        store.extend(tree.grow(5));

        assertThatThrownBy(() -> store.extend(first))
                .isInstanceOfSatisfying(TreeConflictException.class, conflict -> {
                    assertThat(conflict.actual()).isEqualTo(new TreeState(5, 5));
                    assertThat(conflict.fromSize()).isZero();
                })
                .hasMessage("an extension from size 0 with its first leaf at log position 1 does not fit the stored "
                        + "tree of 5 leaves, whose last leaf is at log position 5");
        assertThat(store.state()).isEqualTo(new TreeState(5, 5));
        assertThat(store.leaf(5)).isEmpty();
    }

    @Test
    void anExtensionThatReplaysAnIntegratedLogPositionIsRefused() {
        store.extend(new GrowingTree(1).grow(4));
        TreeExtension replay = new TreeExtension(4, List.of(new TreeLeaf(4, 4, GrowingTree.leafHash(4))), List.of());

        assertThatThrownBy(() -> store.extend(replay)).isInstanceOf(TreeConflictException.class);
        assertThat(store.state()).isEqualTo(new TreeState(4, 4));
        assertThat(store.leaf(4)).isEmpty();
    }

    @Test
    void theTreeAndItsCheckpointsSurviveARestart() throws Exception {
        GrowingTree tree = new GrowingTree(2);
        store.extend(tree.grow(21));
        store.checkpoints().add(signed(21, tree.reference().root(), Instant.ofEpochMilli(1_000)));

        TreeStore reopened = reopen();

        assertThat(reopened.state()).isEqualTo(new TreeState(21, 42));
        assertThat(ProofBuilder.root(reopened, 21)).isEqualTo(tree.reference().root());
        assertThat(reopened.checkpoints().latest().orElseThrow().root()).isEqualTo(tree.reference().root());
        reopened.extend(tree.grow(3));
        assertThat(ProofBuilder.root(reopened, 24)).isEqualTo(tree.reference().root());
    }

    @RepeatedTest(5)
    void ofTwoNodesExtendingFromTheSameSizeAtOnceExactlyOneSucceeds() throws Exception {
        TreeStore other = openAnother();
        GrowingTree tree = new GrowingTree(1);
        store.extend(tree.grow(7));
        TreeExtension next = tree.peek(9);
        List<TreeStore> nodes = List.of(store, other);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Boolean> stored = new ArrayList<>();
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (TreeStore node : nodes) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        node.extend(next);
                        return true;
                    } catch (TreeConflictException e) {
                        return false;
                    }
                }));
            }
            for (Future<Boolean> future : futures) {
                stored.add(future.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored).containsExactlyInAnyOrder(true, false);
        assertThat(other.state()).isEqualTo(new TreeState(16, 16));
    }

    @Test
    void aCheckpointIsTheLatestAndIsFoundByItsSizeAsSigned() {
        SignedCheckpoint five = signed(5, Digest.ZERO, Instant.ofEpochMilli(1_000));
        SignedCheckpoint nine = signed(9, Rfc9162Hasher.emptyRoot(), Instant.ofEpochMilli(2_000));

        assertThat(store.checkpoints().add(nine)).isTrue();
        assertThat(store.checkpoints().add(five)).isTrue();

        assertThat(store.checkpoints().latest().orElseThrow().encode()).isEqualTo(nine.encode());
        assertThat(store.checkpoints().ofSize(5).orElseThrow().checkpoint()).isEqualTo(five.checkpoint());
        assertThat(store.checkpoints().ofSize(5).orElseThrow().encode()).isEqualTo(five.encode());
        assertThat(store.checkpoints().ofSize(6)).isEmpty();
    }

    @Test
    void aSecondCheckpointOfTheSameSizeIsRefusedAndTheFirstKept() {
        SignedCheckpoint first = signed(5, Digest.ZERO, Instant.ofEpochMilli(1_000));

        store.checkpoints().add(first);
        boolean stored = store.checkpoints().add(signed(5, Digest.ZERO, Instant.ofEpochMilli(2_000)));

        assertThat(stored).isFalse();
        assertThat(store.checkpoints().ofSize(5).orElseThrow().encode()).isEqualTo(first.encode());
    }

    @Test
    void aFreeLeaseIsTakenAndRefusedToAnotherOwnerWhileItLasts() throws Exception {
        IntegratorLease otherNode = openAnother().lease();

        assertThat(store.lease().tryAcquire("node-a", LONG_LEASE)).isTrue();

        assertThat(otherNode.tryAcquire("node-b", LONG_LEASE)).isFalse();
        assertThat(otherNode.renew("node-b", LONG_LEASE)).isFalse();
        assertThat(store.lease().tryAcquire("node-a", LONG_LEASE)).as("taken again by its holder").isTrue();
        assertThat(store.lease().renew("node-a", LONG_LEASE)).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceByAnotherOwnerAndCannotBeRenewedByTheFormer() throws Exception {
        IntegratorLease otherNode = openAnother().lease();
        store.lease().tryAcquire("node-a", LONG_LEASE);

        otherNode.release("node-b");
        assertThat(otherNode.tryAcquire("node-b", LONG_LEASE)).as("a release by a non-holder does nothing").isFalse();
        store.lease().release("node-a");

        assertThat(store.lease().renew("node-a", LONG_LEASE)).isFalse();
        assertThat(otherNode.tryAcquire("node-b", LONG_LEASE)).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherOwnerAndTheFormerHolderCannotRenewIt() throws Exception {
        IntegratorLease otherNode = openAnother().lease();
        store.lease().tryAcquire("node-a", Duration.ofMillis(50));

        boolean taken = false;
        for (int attempt = 0; attempt < 2_000 && !taken; attempt++) {
            taken = otherNode.tryAcquire("node-b", LONG_LEASE);
            if (!taken) {
                Thread.sleep(5);
            }
        }

        assertThat(taken).isTrue();
        assertThat(store.lease().renew("node-a", LONG_LEASE)).isFalse();
        assertThat(store.lease().tryAcquire("node-a", LONG_LEASE)).isFalse();
    }

    @Test
    void anExpiredLeaseThatNobodyTookIsRenewedByItsHolder() throws Exception {
        store.lease().tryAcquire("node-a", Duration.ofMillis(1));
        Thread.sleep(20);

        assertThat(store.lease().renew("node-a", LONG_LEASE)).isTrue();
        assertThat(openAnother().lease().tryAcquire("node-b", LONG_LEASE)).isFalse();
    }
}
