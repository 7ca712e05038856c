package dev.runtape.ledger.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.integrator.TreeLeaf;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetFile;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.ledger.storage.sqlite.SqliteTreeStore;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.CheckpointVerifier;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends under load and is killed with SIGKILL, again and again, on one data directory. After every kill
 * the store is opened as it was left: every acknowledged event is present exactly once, positions and leaf indexes
 * have no gap, every stream chain and every signature verifies, the Merkle tree matches the log, and the latest
 * checkpoint verifies. The number of kills is {@code runtape.crash.cycles} (default 5).
 */
class CrashRecoveryTest {

    private static final int CYCLES = Integer.getInteger("runtape.crash.cycles", 5);

    @TempDir
    Path data;

    private final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedEventSurvivesSigkillExactlyOnceAndTheLogStillVerifies() throws Exception {
        Random random = new Random(20261122);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            runAndKill("c" + cycle, 40 + random.nextInt(80), random.nextInt(200));
            verifyStore();
        }
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * 40);

        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(data))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (node.proofs().latestCheckpoint().map(SignedCheckpoint::treeSize).orElse(0L)
                    < node.log().lastPosition() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(node.proofs().latestCheckpoint().orElseThrow().treeSize())
                    .as("a restarted node integrates the rest and checkpoints the whole log")
                    .isEqualTo(node.log().lastPosition());
        }
        verifyStore();
    }

    /** Starts the writer, lets it acknowledge {@code acks} commands and run {@code extraMillis} more, kills it. */
    private void runAndKill(String run, int acks, int extraMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), data.toString(), run, "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CountDownLatch enough = new CountDownLatch(acks);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(line.substring(4));
                        enough.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child was killed mid-line: what it acknowledged before is what counts
            }
        });
        boolean reached = enough.await(60, TimeUnit.SECONDS);
        Thread.sleep(extraMillis);
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no flush, no close
        child.waitFor();
        reader.join();
        assertThat(reached).as("the writer of " + run + " acknowledged " + acks + " commands in time").isTrue();
    }

    private void verifyStore() throws Exception {
        List<KeyRecord> ledgerKeys = KeySetFile.read(data.resolve("keys").resolve(KeyDirectory.LEDGER_KEYS));
        try (SqliteDatabase database = SqliteDatabase.open(data.resolve("ledger.db"));
                SqliteEventLog log = SqliteEventLog.open(database)) {
            List<LogEntry> entries = new ArrayList<>();
            for (List<LogEntry> page; !(page = log.readAfter(entries.size(), 1000)).isEmpty(); ) {
                entries.addAll(page);
            }
            Set<String> ids = new HashSet<>();
            Map<StreamId, LogEntry> heads = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                LogEntry entry = entries.get(i);
                assertThat(entry.position()).as("positions have no gap").isEqualTo(i + 1);
                assertThat(ids.add(entry.eventId())).as("event %s stored once", entry.eventId()).isTrue();
                Statement statement = Statement.read(entry.statement());
                LogEntry previous = heads.put(entry.stream(), entry);
                assertThat(entry.revision()).isEqualTo(previous == null ? 0 : previous.revision() + 1);
                assertThat(statement.header().prev())
                        .isEqualTo(previous == null ? Digest.ZERO : previous.statement().digest());
                VerificationKey key = ledgerKeys.stream().filter(k -> k.kid().equals(statement.header().kid()))
                        .findFirst().orElseThrow().key();
                Sign1Verifier.verify(CoseSign1.decode(entry.statement().bytes()), key);
            }
            assertThat(ids).as("every acknowledged event is stored").containsAll(acknowledged);

            SqliteTreeStore tree = SqliteTreeStore.open(database);
            long size = tree.size();
            assertThat(size).isLessThanOrEqualTo(entries.size());
            InMemoryMerkleTree expected = new InMemoryMerkleTree();
            for (long leaf = 0; leaf < size; leaf++) {
                TreeLeaf stored = tree.leaf(leaf).orElseThrow();
                assertThat(stored.position()).as("leaf %d is the statement at position %d", leaf, leaf + 1)
                        .isEqualTo(leaf + 1);
                expected.appendLeaf(entries.get((int) leaf).statement().bytes());
            }
            if (size > 0) {
                assertThat(dev.runtape.verifier.merkle.ProofBuilder.root(tree, size)).isEqualTo(expected.root());
            }
            var latest = tree.checkpoints().latest();
            if (latest.isPresent()) {
                SignedCheckpoint checkpoint = latest.get();
                CheckpointVerifier.verify(checkpoint.message(),
                        new KeySet(ledgerKeys.stream().map(KeyRecord::key).toList()));
                assertThat(checkpoint.root()).isEqualTo(expected.root(checkpoint.treeSize()));
            }
        }
    }
}
