package dev.runtape.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements of a real import checked again, untouched and tampered with. */
class StatementVerifierTest {

    @TempDir
    Path directory;

    @Test
    void anUntouchedStreamVerifiesAndATamperedOneFailsNamingWhat() throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(
                "swe-agent/swe-agent__test-repo-i1.traj")), null);
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            new LedgerImporter(node, "importer").write(run);
            node.integrator().runOnce();
            List<LogEntry> stream = node.log().readStream(StreamId.of(StreamId.Kind.TRAJECTORY,
                    run.trajectoryId()), 0, 1000);
            StatementVerifier verifier = new StatementVerifier(node.keys(), node.producers(), node.proofs());

            List<Verification> good = verifier.verify(stream);
            List<LogEntry> swapped = new ArrayList<>(stream);
            swapped.set(1, stream.get(2));
            swapped.set(2, stream.get(1));
            List<LogEntry> flipped = new ArrayList<>(stream);
            LogEntry last = stream.getLast();
            byte[] bytes = last.statement().bytes();
            bytes[bytes.length - 3] ^= 0x01; // inside the signature
            flipped.set(stream.size() - 1, new LogEntry(last.position(), last.stream(), last.revision(),
                    last.eventId(), last.eventType(), last.tenant(), StatementBytes.of(bytes), last.recordedAt()));

            assertThat(good).allSatisfy(v -> {
                assertThat(v.ok()).as(v.toString()).isTrue();
                assertThat(v.checkpointSize()).as("under the checkpoint just made").isNotNull();
            });
            assertThat(verifier.verify(swapped).get(1).problem()).startsWith("chain: prev ");
            Verification tampered = verifier.verify(flipped).getLast();
            assertThat(tampered.signature()).isFalse();
            assertThat(tampered.problem()).contains("signature").contains("inclusion");
        }
    }
}
