package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.checkpoint.CheckpointVerifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.merkle.Consistency;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integrator over a real event log and tree store: leaf indexes, roots, restarts, checkpoints, receipts,
 * consistency proofs, and several integrators on one database. Each adapter's test extends this class and says how
 * to open a node (a log and a tree store on one database).
 */
public abstract class IntegratorContract {

    private static final String ORIGIN = "runtape.test/log";
    private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate(new SecureRandom());
    private static final KeySet KEYS = KeySet.of(KEY.verificationKey());
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    /** An event log and a tree store on one database, as one node of the ledger opens them. */
    public record Node(EventLog log, TreeStore store) {}

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Integrator> integrators = new ArrayList<>();
    private Node node;
    private StatementFeed feed;

    /** A node on a new, empty database. */
    protected abstract Node createNode() throws Exception;

    /** Another node on the database of {@link #createNode()}. */
    protected abstract Node openAnotherNode() throws Exception;

    /** Closes every connection to the database of {@link #createNode()} and opens a node on it again. */
    protected abstract Node restart() throws Exception;

    /** Closes every node opened, after the test stopped its integrators. */
    protected abstract void closeNodes() throws Exception;

    @BeforeEach
    final void openNode() throws Exception {
        node = createNode();
        feed = new StatementFeed(node.log());
    }

    @AfterEach
    final void stopIntegratorsThenCloseNodes() throws Exception {
        for (Integrator integrator : integrators) {
            integrator.stop();
        }
        closeNodes();
    }

    private static IntegratorSettings settings(String owner) {
        return IntegratorSettings.defaults(ORIGIN, owner);
    }

    private Integrator integrator(Node on, IntegratorSettings settings) {
        return integrator(on, settings, clock);
    }

    private Integrator integrator(Node on, IntegratorSettings settings, Clock checkpointClock) {
        Integrator integrator = new Integrator(on.log(), on.store(), new CheckpointSigner(KEY), settings,
                checkpointClock);
        integrators.add(integrator);
        return integrator;
    }

    private static ProofService proofs(Node on) {
        return new ProofService(on.store(), new ReceiptIssuer(KEY, ORIGIN));
    }

    /** Runs cycles until one integrates nothing; returns the checkpoints signed on the way. */
    private static List<SignedCheckpoint> runUntilCaughtUp(Integrator integrator) {
        List<SignedCheckpoint> signed = new ArrayList<>();
        IntegrationCycle cycle;
        do {
            cycle = integrator.runOnce();
            assertThat(cycle.leading()).as("the integrator holds the lease").isTrue();
            cycle.checkpoint().ifPresent(signed::add);
        } while (cycle.leavesAdded() > 0);
        return signed;
    }

    /** Every log entry has the leaf whose index is its rank in the log, and the tree equals the reference tree. */
    private static void assertTreeMatchesLog(Node on) {
        List<LogEntry> entries = StatementFeed.readAll(on.log());
        for (int i = 0; i < entries.size(); i++) {
            LogEntry entry = entries.get(i);
            assertThat(on.store().leaf(i)).as("leaf " + i)
                    .contains(new TreeLeaf(i, entry.position(), Rfc9162Hasher.hashLeaf(entry.statement().bytes())));
        }
        assertThat(on.store().leaf(entries.size())).isEmpty();
        assertThat(on.store().state()).isEqualTo(new TreeState(entries.size(), entries.size()));
        assertThat(ProofBuilder.root(on.store(), entries.size()))
                .isEqualTo(StatementFeed.referenceTree(on.log()).root());
    }

    private static Checkpoint verified(SignedCheckpoint checkpoint) throws Exception {
        return CheckpointVerifier.verify(checkpoint.message(), KEYS);
    }

    @Test
    void statementsGetTheLeafIndexesZeroToNMinusOneInLogOrderAndTheRootsOfTheInMemoryTree() throws Exception {
        feed.append(2345);
        Integrator integrator = integrator(node, settings("node-a").withBatchSize(500));

        List<SignedCheckpoint> checkpoints = runUntilCaughtUp(integrator);

        assertTreeMatchesLog(node);
        InMemoryMerkleTree reference = StatementFeed.referenceTree(node.log());
        assertThat(checkpoints).extracting(SignedCheckpoint::treeSize).containsExactly(500L, 1500L);
        for (SignedCheckpoint checkpoint : checkpoints) {
            assertThat(verified(checkpoint).root()).isEqualTo(reference.root(checkpoint.treeSize()));
        }
    }

    @Test
    void aRestartedIntegratorGoesOnFromTheStoredTreeAndHashesOnlyWhatIsNew() throws Exception {
        feed.append(1000);
        runUntilCaughtUp(integrator(node, settings("node-a")));
        Digest rootBefore = ProofBuilder.root(node.store(), 1000);
        integrators.getFirst().stop();

        node = restart();
        new StatementFeed(node.log()).append(5);
        Integrator restarted = integrator(node, settings("node-a"));
        IntegrationCycle cycle = restarted.runOnce();

        assertThat(cycle.leavesAdded()).as("only the new statements are hashed").isEqualTo(5);
        long completed = LongStream.range(1000, 1005).map(i -> Long.numberOfTrailingZeros(~i)).sum();
        assertThat(cycle.nodesAdded()).as("only the subtrees they complete are hashed").isEqualTo((int) completed);
        assertThat(ProofBuilder.root(node.store(), 1000)).isEqualTo(rootBefore);
        assertTreeMatchesLog(node);
        assertThat(restarted.runOnce().leavesAdded()).as("integrated positions are not integrated again").isZero();
    }

    @Test
    void aCheckpointIsSignedWhenEnoughLeavesArrivedSinceTheLatest() throws Exception {
        Integrator integrator = integrator(node, settings("node-a").withCheckpointEvery(10, Duration.ofHours(1)));
        feed.append(3);
        SignedCheckpoint first = integrator.runOnce().checkpoint().orElseThrow();

        feed.append(9);
        IntegrationCycle nine = integrator.runOnce();
        feed.append(1);
        IntegrationCycle ten = integrator.runOnce();

        assertThat(first.treeSize()).as("the first leaves are checkpointed at once").isEqualTo(3);
        assertThat(nine.checkpoint()).isEmpty();
        Checkpoint checkpoint = verified(ten.checkpoint().orElseThrow());
        assertThat(checkpoint.origin()).isEqualTo(ORIGIN);
        assertThat(checkpoint.treeSize()).isEqualTo(13);
        assertThat(checkpoint.root()).isEqualTo(StatementFeed.referenceTree(node.log()).root());
        assertThat(checkpoint.timestamp()).isEqualTo(clock.instant());
        assertThat(node.store().checkpoints().latest().orElseThrow().encode())
                .isEqualTo(ten.checkpoint().orElseThrow().encode());
    }

    @Test
    void aCheckpointIsSignedWhenTheIntervalPassedWithNewLeavesAndNotForAnUnchangedTree() throws Exception {
        Integrator integrator = integrator(node, settings("node-a").withCheckpointEvery(1000, Duration.ofSeconds(1)));
        feed.append(2);
        integrator.runOnce();
        feed.append(3);

        IntegrationCycle early = integrator.runOnce();
        clock.advance(Duration.ofMillis(999));
        IntegrationCycle almost = integrator.runOnce();
        clock.advance(Duration.ofMillis(1));
        IntegrationCycle due = integrator.runOnce();
        clock.advance(Duration.ofSeconds(5));
        IntegrationCycle unchanged = integrator.runOnce();

        assertThat(early.leavesAdded()).isEqualTo(3);
        assertThat(early.checkpoint()).isEmpty();
        assertThat(almost.checkpoint()).isEmpty();
        Checkpoint checkpoint = verified(due.checkpoint().orElseThrow());
        assertThat(checkpoint.treeSize()).isEqualTo(5);
        assertThat(checkpoint.timestamp()).isEqualTo(Instant.parse("2026-11-22T10:00:01Z"));
        assertThat(checkpoint.root()).isEqualTo(StatementFeed.referenceTree(node.log()).root());
        assertThat(unchanged.checkpoint()).isEmpty();
    }

    @Test
    void aReceiptForEveryStatementVerifiesAgainstTheLatestCheckpoint() throws Exception {
        List<LogEntry> entries = feed.append(37);
        runUntilCaughtUp(integrator(node, settings("node-a")));
        ProofService proofs = proofs(node);
        Checkpoint latest = verified(proofs.latestCheckpoint().orElseThrow());

        for (LogEntry entry : entries) {
            Digest leafHash = Rfc9162Hasher.hashLeaf(entry.statement().bytes());
            IssuedReceipt issued = proofs.receiptForPosition(entry.position());
            Receipt received = Receipt.decode(issued.receipt().encode());

            TreeHead head = ReceiptVerifier.verifyInclusion(received, leafHash, KEY.verificationKey());

            CheckpointVerifier.verifyCovers(latest, head);
            assertThat(issued.leaf().position()).isEqualTo(entry.position());
            assertThat(proofs.receiptForLeaf(issued.leaf().leafIndex()).leaf()).isEqualTo(issued.leaf());
        }
        Receipt forFirst = proofs.receiptForLeaf(0).receipt();
        Digest otherLeaf = Rfc9162Hasher.hashLeaf(entries.get(1).statement().bytes());
        assertThatThrownBy(() -> ReceiptVerifier.verifyInclusion(forFirst, otherLeaf, KEY.verificationKey()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aStatementWithoutLeafOrNotUnderACheckpointHasNoReceiptYet() {
        Integrator integrator = integrator(node, settings("node-a"));
        feed.append(3);
        integrator.runOnce();
        feed.append(2);
        ProofService proofs = proofs(node);

        assertThatThrownBy(() -> proofs.receiptForPosition(4))
                .isInstanceOf(NotIntegratedException.class)
                .hasMessage("the statement at log position 4 is not integrated yet: the tree ends at position 3");
        integrator.runOnce();
        assertThatThrownBy(() -> proofs.receiptForPosition(4))
                .isInstanceOf(NotIntegratedException.class)
                .hasMessage("leaf 3 (log position 4) is not under a checkpoint yet: the latest checkpoint covers 3 "
                        + "leaves");
        assertThatThrownBy(() -> proofs.receiptForLeaf(99))
                .isInstanceOf(NotIntegratedException.class)
                .hasMessage("leaf 99 is not integrated yet: the tree has 5 leaves");
    }

    @Test
    void aCheckpointTheStoredTreeDoesNotLeadToIsReportedInsteadOfAnsweredWithABadReceipt() {
        Integrator integrator = integrator(node, settings("node-a"));
        feed.append(5);
        integrator.runOnce();
        feed.append(1);
        integrator.runOnce();
        Checkpoint forged = new Checkpoint(ORIGIN, 6, Digest.ZERO, clock.instant());
        node.store().checkpoints().add(new SignedCheckpoint(forged, new CheckpointSigner(KEY).sign(forged)));

        assertThatThrownBy(() -> proofs(node).receiptForLeaf(2))
                .isInstanceOf(TreeStoreException.class)
                .hasMessageStartingWith("the stored tree does not lead from leaf 2 to the root of the checkpoint of "
                        + "size 6: ");
        assertThatThrownBy(() -> proofs(node).consistency(5, 6))
                .isInstanceOf(TreeStoreException.class)
                .hasMessageStartingWith("the stored tree does not join the checkpoints of sizes 5 and 6: ");
    }

    @Test
    void consistencyProofsBetweenEveryPairOfCheckpointsVerify() throws Exception {
        Integrator integrator = integrator(node, settings("node-a").withCheckpointEvery(1, Duration.ofHours(1)));
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        for (int count : new int[] {1, 6, 1, 12, 13}) {
            feed.append(count);
            checkpoints.add(integrator.runOnce().checkpoint().orElseThrow());
        }
        ProofService proofs = proofs(node);

        assertThat(checkpoints).extracting(SignedCheckpoint::treeSize).containsExactly(1L, 7L, 8L, 20L, 33L);
        for (int i = 0; i < checkpoints.size(); i++) {
            for (int j = i; j < checkpoints.size(); j++) {
                Checkpoint older = verified(checkpoints.get(i));
                Checkpoint newer = verified(checkpoints.get(j));

                CheckpointConsistency consistency = proofs.consistency(older.treeSize(), newer.treeSize());

                Consistency.verify(older.treeSize(), newer.treeSize(), older.root(), newer.root(),
                        consistency.proof().path());
                CheckpointVerifier.verifyConsistency(older, newer, consistency.proof());
            }
        }
        assertThatThrownBy(() -> proofs.consistency(7, 9))
                .isInstanceOf(ProofUnavailableException.class)
                .hasMessage("there is no checkpoint of size 9; the latest has size 33");
        assertThatThrownBy(() -> proofs.consistency(8, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofTwoIntegratorsOnlyOneIntegratesAndTheOtherTakesOverWhenItStops() throws Exception {
        Node other = openAnotherNode();
        Integrator first = integrator(node, settings("node-a").withBatchSize(10));
        Integrator second = integrator(other, settings("node-b").withBatchSize(10));
        feed.append(25);

        assertThat(first.runOnce().leavesAdded()).isEqualTo(10);
        assertThat(second.runOnce()).isEqualTo(IntegrationCycle.STANDBY);
        assertThat(first.runOnce().leavesAdded()).isEqualTo(10);
        first.stop();
        IntegrationCycle takeover = second.runOnce();

        assertThat(takeover.leading()).isTrue();
        assertThat(takeover.leavesAdded()).isEqualTo(5);
        assertThat(first.runOnce()).isEqualTo(IntegrationCycle.STANDBY);
        assertTreeMatchesLog(other);
    }

    @Test
    void whenALeaseExpiresAnotherNodeTakesOverAndTheFormerHolderStopsIntegrating() throws Exception {
        Node other = openAnotherNode();
        Integrator first = integrator(node, settings("node-a").withBatchSize(10).withLeaseTtl(SHORT_LEASE));
        Integrator second = integrator(other, settings("node-b").withBatchSize(10).withLeaseTtl(SHORT_LEASE));
        feed.append(30);
        assertThat(first.runOnce().leavesAdded()).isEqualTo(10);

        IntegrationCycle takeover = untilLeading(second);
        IntegrationCycle formerHolder = first.runOnce();
        second.stop();
        IntegrationCycle back = first.runOnce();

        assertThat(takeover.leavesAdded()).as("the new holder goes on where the tree ends").isEqualTo(10);
        assertThat(formerHolder).isEqualTo(IntegrationCycle.STANDBY);
        assertThat(back.leavesAdded()).as("the former holder reloads the tree when it leads again").isEqualTo(10);
        assertTreeMatchesLog(node);
    }

    private static IntegrationCycle untilLeading(Integrator integrator) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            IntegrationCycle cycle = integrator.runOnce();
            if (cycle.leading()) {
                return cycle;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the integrator did not get the lease within " + PATIENCE);
    }

    @Test
    void twoRunningIntegratorsFollowTheLogWhileItGrowsHandOverAndAssignEveryLeafOnce() throws Exception {
        Node other = openAnotherNode();
        Integrator first = integrator(node, runningSettings("node-a"), Clock.systemUTC());
        Integrator second = integrator(other, runningSettings("node-b"), Clock.systemUTC());
        first.start();
        feed.append(20);
        awaitSize(node.store(), 20);
        second.start();

        for (int round = 1; round < 30; round++) {
            feed.append(20);
            if (round == 15) {
                first.stop();
            }
        }
        awaitSize(other.store(), 600);
        second.stop();

        assertTreeMatchesLog(other);
        SignedCheckpoint latest = other.store().checkpoints().latest().orElseThrow();
        assertThat(verified(latest).root())
                .isEqualTo(StatementFeed.referenceTree(other.log()).root(latest.treeSize()));
    }

    private static IntegratorSettings runningSettings(String owner) {
        return settings(owner).withBatchSize(50).withLeaseTtl(SHORT_LEASE)
                .withCheckpointEvery(100, Duration.ofMillis(200));
    }

    private static void awaitSize(TreeStore store, long size) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (store.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tree has " + store.size() + " leaves, not " + size + ", after "
                        + PATIENCE);
            }
            Thread.sleep(20);
        }
    }
}
