package dev.runtape.ledger.storage.kurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.migrate.LogMigration;
import dev.runtape.ledger.migrate.MigrationReport;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's SQLite log migrated into the KurrentDB adapter on {@link KurrentStandIn}, a stand-in, not KurrentDB: the
 * copy reproduces the node's signed checkpoint.
 */
class KurrentMigrationStandInTest {

    @TempDir
    Path directory;

    @Test
    void aLogMovesIntoTheAdapterAndTheCopyReproducesTheSignedCheckpoint() throws Exception {
        try (KurrentStandIn standIn = KurrentStandIn.start();
                LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            new LedgerImporter(node, "importer").write(ImportFormats.detector().read(SourceFile.read(
                    SharedFiles.sample("swe-agent/swe-agent__test-repo-i1.traj")), null));
            node.integrator().runOnce();
            try (EventLog target = KurrentEventLog.open(KurrentLogSettings.of(standIn.connectionString())
                    .withNamespace("migrated"))) {
                MigrationReport report = new LogMigration(node.log(), target).run(node.proofs().latestCheckpoint(),
                        p -> { });

                assertThat(report.entries()).isEqualTo(node.log().lastPosition());
                assertThat(report.checkpointRoot()).isEqualTo(node.proofs().latestCheckpoint().orElseThrow().root());
                assertThat(target.readAfter(0, 1000)).extracting(e -> e.statement().digest())
                        .containsExactlyElementsOf(node.log().readAfter(0, 1000).stream()
                                .map(e -> e.statement().digest()).toList());
            }
        }
    }
}
