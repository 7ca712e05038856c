package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.ledger.storage.sqlite.SqliteTreeStore;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.checkpoint.CheckpointVerifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of the README's "Integrator" section, as it is written there. */
class IntegratorReadmeTest {

    @TempDir
    Path directory;

    @Test
    void theReadmeExampleIssuesAReceiptThatVerifiesAgainstItsCheckpoint() throws Exception {
        byte[] statement = {(byte) 0xd2, 0x01, 0x02};
        AppendBatch batch = AppendBatch.of(StreamAppend.of(StreamId.of(StreamId.Kind.TASK, "readme"),
                ExpectedRevision.NO_STREAM, new NewEvent("readme-1", "task.noted", "tenant-1",
                        StatementBytes.of(statement))));
        Digest leafHash = Rfc9162Hasher.hashLeaf(statement);
        TreeHead verified;

        // The README's example, from here:
        SqliteDatabase database = SqliteDatabase.open(directory.resolve("ledger.db"));
        EventLog log = SqliteEventLog.open(database);
        TreeStore tree = SqliteTreeStore.open(database);
        SigningKey logKey = Ed25519SigningKey.generate(new SecureRandom());

        IntegratorSettings settings = IntegratorSettings.defaults("runtape.example/log", "node-1");
        try (Integrator integrator = new Integrator(log, tree, new CheckpointSigner(logKey), settings)) {
            integrator.start();
            long position = log.append(batch).lastPosition();

            ProofService proofs = new ProofService(tree, new ReceiptIssuer(logKey, settings.origin()));
            IssuedReceipt issued = awaitReceipt(proofs, position); // NotIntegratedException until the next checkpoint
            TreeHead head = ReceiptVerifier.verifyInclusion(issued.receipt(), leafHash, logKey.verificationKey());
            CheckpointVerifier.verifyCovers(issued.checkpoint().checkpoint(), head);
            // to here.
            verified = head;
        } finally {
            database.close();
        }

        assertThat(verified.treeSize()).isEqualTo(1);
    }

    private static IssuedReceipt awaitReceipt(ProofService proofs, long position) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return proofs.receiptForPosition(position);
            } catch (NotIntegratedException e) {
                if (attempt == 3000) {
                    throw new AssertionError("no receipt after a minute: " + e.getMessage(), e);
                }
                Thread.sleep(20);
            }
        }
    }
}
