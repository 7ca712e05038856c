package dev.runtape.projections.lineage;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.ledger.domain.dataset.AdmitTrajectory;
import dev.runtape.ledger.domain.dataset.AssignSplit;
import dev.runtape.ledger.domain.dataset.DefineDataset;
import dev.runtape.ledger.domain.dataset.DeliverExport;
import dev.runtape.ledger.domain.dataset.SealExport;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.domain.operator.QualifyOperator;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RecordQaCheck;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.RetractLabel;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * A real node on SQLite holding real sample trajectories of two tenants, with an operator, QA checks, reviews, labels,
 * a redaction, a dataset and a delivered export: the history the lineage tests read from the log.
 */
final class LineageLedger implements AutoCloseable {

    static final String ACME = "acme";
    static final String GLOBEX = "globex";
    static final String CAPTURE = "capture-service";
    static final String CURATOR = "curator-1";
    static final String DATASET = "curated-1";
    static final String EXPORT = "export-1";

    /** A human operator's recording (its actor is an operator), a swe-agent run, a Claude Code session. */
    static final String OPERATED = "human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl";
    static final String AGENT = "swe-agent/pydicom__pydicom-1458.traj";
    static final String REJECTED = "claude-code/short.jsonl";
    static final String OTHER_TENANT = "mini-swe-agent/local.traj.json";

    final LedgerNode node;
    final ImportedTrajectory operated;
    final ImportedTrajectory agent;
    final ImportedTrajectory rejected;
    final ImportedTrajectory otherTenant;

    private LineageLedger(LedgerNode node) throws ImportException, ContentStoreException {
        this.node = node;
        operated = importSample(OPERATED, ACME);
        agent = importSample(AGENT, ACME);
        rejected = importSample(REJECTED, ACME);
        otherTenant = importSample(OTHER_TENANT, GLOBEX);
    }

    /** Starts a node in {@code directory} and writes the whole history. */
    static LineageLedger start(Path directory) throws Exception {
        LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory));
        try {
            LineageLedger ledger = new LineageLedger(node);
            ledger.review();
            ledger.curate();
            return ledger;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    /** The operator who made the operated recording. */
    String operator() {
        return ((Actor.Operator) operated.actor()).operatorId();
    }

    private void review() {
        send(ACME, CAPTURE, new EnrolOperator(operator(), "cohort-a"));
        send(ACME, CAPTURE, new QualifyOperator(operator(), "gui-recording", "senior", null));
        for (ImportedTrajectory trajectory : List.of(operated, agent, rejected)) {
            send(ACME, "qa-bot", new RecordQaCheck(trajectory.trajectoryId(), "secrets-scan",
                    QaCheckRecorded.Result.PASS, null, null));
        }
        send(ACME, "review-desk", new ReviewQa(operated.trajectoryId(), QaReviewed.Decision.ACCEPT, "clean",
                "reviewer-9"));
        send(ACME, "review-desk", new ReviewQa(agent.trajectoryId(), QaReviewed.Decision.ACCEPT, "fixes the bug",
                "reviewer-9"));
        send(ACME, "review-desk", new ReviewQa(rejected.trajectoryId(), QaReviewed.Decision.REJECT, "off task",
                "reviewer-4"));
        send(ACME, "labeler-2", new ApplyLabel(agent.trajectoryId(), "l-1", 0L, LabelApplied.Category.PROCESS,
                "localization", null));
        send(ACME, "labeler-2", new ApplyLabel(agent.trajectoryId(), "l-2", null, LabelApplied.Category.FAILURE,
                "wrong-file", null));
        send(ACME, "labeler-2", new RetractLabel(agent.trajectoryId(), "l-2", "mislabelled"));
        send(ACME, "redactor-1", new ApplyRedaction(agent.trajectoryId(),
                List.of(Digest.sha256("a secret".getBytes(StandardCharsets.UTF_8))), RedactionApplied.Kind.REDACT,
                "pii"));
    }

    private void curate() {
        send(ACME, CURATOR, new DefineDataset(DATASET, "curated", "1", "training", null));
        send(ACME, CURATOR, new AdmitTrajectory(DATASET, operated.trajectoryId(), null));
        send(ACME, CURATOR, new AdmitTrajectory(DATASET, agent.trajectoryId(), Split.TRAIN));
        send(ACME, CURATOR, new AssignSplit(DATASET, operated.trajectoryId(), Split.EVAL));
        send(ACME, CURATOR, new SealExport(DATASET, EXPORT, Digest.sha256(new byte[] {7}),
                new CheckpointRef(5, Digest.sha256(new byte[] {5})), "client-a", "training"));
        send(ACME, CURATOR, new DeliverExport(DATASET, EXPORT, "client-a", Instant.parse("2026-12-01T10:00:00Z"),
                "sftp"));
    }

    private ImportedTrajectory importSample(String file, String tenant) throws ImportException,
            ContentStoreException {
        Path path = SharedFiles.sample(file);
        ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(path), null);
        new LedgerImporter(node, CAPTURE, tenant).write(run);
        return run;
    }

    /** Sends a command as {@code principal} of {@code tenant}, as the service does for its callers. */
    void send(String tenant, String principal, Object command) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(LedgerMetaData.PRINCIPAL, principal, LedgerMetaData.TENANT, tenant)));
    }

    @Override
    public void close() {
        node.close();
    }

}
