package dev.runtape.ledger.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.dataset.AdmitTrajectory;
import dev.runtape.ledger.domain.dataset.DefineDataset;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.BundleVerifier;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset of two real imports exported as a bundle and verified offline by the project's verifier; a command's
 * output redacted first, so the bundle withholds it with the reason and everything still verifies.
 */
class BundleExporterTest {

    @TempDir
    Path directory;

    private static void send(LedgerNode node, Object command) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.PRINCIPAL, "curator")));
    }

    private static ImportedTrajectory imported(LedgerNode node, String sample) throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(sample)), null);
        new LedgerImporter(node, "importer").write(run);
        send(node, new ReviewQa(run.trajectoryId(), QaReviewed.Decision.ACCEPT, "complete", "reviewer-1"));
        return run;
    }

    /** Runs the integrator until a checkpoint covers the whole log: it signs one a second at most. */
    private static void checkpointOverEverything(LedgerNode node) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (node.proofs().latestCheckpoint().map(c -> c.treeSize()).orElse(0L) < node.log().lastPosition()) {
            assertThat(System.nanoTime()).as("a checkpoint over the log within 10 s").isLessThan(deadline);
            node.integrator().runOnce();
            Thread.sleep(100);
        }
    }

    @Test
    void aDatasetExportsAsABundleTheVerifierAcceptsWithTheRedactedOutputWithheld() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            ImportedTrajectory train = imported(node, "swe-agent/swe-agent__test-repo-i1.traj");
            ImportedTrajectory eval = imported(node, "mini-swe-agent/github_issue.traj.json");
            Step command = ImportFixture.storedSteps(node, eval.trajectoryId()).stream()
                    .filter(s -> s.kind().equals("command")).findFirst().orElseThrow();
            String secret = ImportFixture.opened(node, command, "stdout");
            Digest stdout = Digest.of(command.get("stdout").get("digest").binaryValue());
            send(node, new ApplyRedaction(eval.trajectoryId(), List.of(stdout), RedactionApplied.Kind.REDACT,
                    "secret in the output"));
            assertThat(node.content().delete(stdout)).as("deleted after the statement, as the service does").isTrue();
            send(node, new DefineDataset("ds-1", "issues", "1", "evaluation", null));
            send(node, new AdmitTrajectory("ds-1", train.trajectoryId(), Split.TRAIN));
            send(node, new AdmitTrajectory("ds-1", eval.trajectoryId(), Split.EVAL));
            checkpointOverEverything(node);
            BundleExporter exporter = new BundleExporter(node, Clock.systemUTC());

            ExportPlan plan = exporter.plan("ds-1", "export-1", "lab", "evaluation", false, null);
            Path bundle = directory.resolve("export-1.bundle");
            List<Long> progress = new ArrayList<>();
            try (OutputStream out = Files.newOutputStream(bundle)) {
                exporter.write(plan, out, progress::add);
            }
            BundleReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.defaults());

            assertThat(report.failures()).as("what failed").isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.statements()).isEqualTo(plan.statements());
            assertThat(report.manifestDigest()).contains(plan.manifestDigest());
            assertThat(report.withheld()).singleElement().satisfies(w -> {
                assertThat(w.digest()).isEqualTo(stdout);
                assertThat(w.kind()).isEqualTo("redacted");
                assertThat(w.reason()).contains("secret in the output");
            });
            assertThat(progress).last().isEqualTo(plan.statements());
            String bytes = new String(Files.readAllBytes(bundle), StandardCharsets.ISO_8859_1);
            assertThat(secret).isNotBlank();
            assertThat(bytes).as("the redacted output is nowhere in the bundle").doesNotContain(secret.strip());
        }
    }

    @Test
    void anUnknownDatasetAndOneWithoutACheckpointAreRefused() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            BundleExporter exporter = new BundleExporter(node, Clock.systemUTC());
            ImportedTrajectory run = imported(node, "swe-agent/swe-agent__test-repo-i1.traj");
            send(node, new DefineDataset("ds-2", "issues", "1", null, null));

            assertThatThrownBy(() -> exporter.plan("nope", "e", "lab", null, false, null))
                    .isInstanceOf(ExportException.class).hasMessage("no dataset nope");
            assertThatThrownBy(() -> exporter.plan("ds-2", "e", "lab", null, false, null))
                    .isInstanceOf(ExportException.class).hasMessage("dataset ds-2 has no admitted trajectory to export");
            send(node, new AdmitTrajectory("ds-2", run.trajectoryId(), null));
            assertThatThrownBy(() -> exporter.plan("ds-2", "e", "lab", null, false, null))
                    .isInstanceOf(ExportException.class).hasMessageContaining("checkpoint");
        }
    }
}
