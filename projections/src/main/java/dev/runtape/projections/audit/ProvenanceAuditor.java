package dev.runtape.projections.audit;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.PolicySet;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.dataset.ExportDelivered;
import dev.runtape.ledger.domain.dataset.ExportSealed;
import dev.runtape.ledger.domain.dataset.SplitAssigned;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.LabelRetracted;
import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds the provenance audit of a dataset version (or one of its exports) from the log: the dataset's stream gives
 * the trajectories and their splits, the policy and the exports; each trajectory's stream its custody. Statements are
 * verified again with {@link StatementVerifier}. Reads the log as it is now; nothing is cached.
 */
public final class ProvenanceAuditor {


    private final LedgerNode node;
    private final EventLog log;
    private final Clock clock;

    public ProvenanceAuditor(LedgerNode node, Clock clock) {
        this.node = node;
        this.log = node.log();
        this.clock = clock;
    }

    /**
     * The audit of {@code datasetId}, or of its export {@code exportId}.
     *
     * @return empty when the log has no such dataset, or the dataset no such export
     * @throws FormatException if a stored statement cannot be read
     */
    public Optional<ProvenanceAudit> audit(String datasetId, @Nullable String exportId) throws FormatException {
        List<LogEntry> stream = log.readStream(StreamId.of(StreamId.Kind.DATASET, datasetId));
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        // against the latest checkpoint as of now: each audit takes its own
        StatementVerifier verifier = new StatementVerifier(node.keys(), node.producers(), node.proofs());
        DatasetDefined defined = null;
        Map<String, @Nullable Split> admitted = new LinkedHashMap<>();
        Map<String, ProvenanceAudit.Export> exports = new LinkedHashMap<>();
        PolicySet policy = null;
        for (LogEntry entry : stream) {
            Statement statement = Statement.read(entry.statement());
            switch (entry.eventType()) {
                case "DatasetDefined" -> defined = decode(statement, DatasetDefined.class);
                case "TrajectoryAdmitted" -> {
                    TrajectoryAdmitted admission = decode(statement, TrajectoryAdmitted.class);
                    admitted.put(admission.trajectoryId(), admission.split());
                }
                case "SplitAssigned" -> {
                    SplitAssigned split = decode(statement, SplitAssigned.class);
                    admitted.put(split.trajectoryId(), split.split());
                }
                case "PolicySet" -> policy = decode(statement, PolicySet.class);
                case "ExportSealed" -> {
                    ExportSealed sealed = decode(statement, ExportSealed.class);
                    exports.put(sealed.exportId(), new ProvenanceAudit.Export(sealed.exportId(), sealed.recipient(),
                            sealed.purpose(), sealed.manifestDigest().hex(), sealed.checkpoint().treeSize(), null,
                            statement.header().iss(), statement.header().iat().toString()));
                }
                case "ExportDelivered" -> {
                    ExportDelivered delivered = decode(statement, ExportDelivered.class);
                    exports.computeIfPresent(delivered.exportId(), (id, e) -> new ProvenanceAudit.Export(id,
                            e.recipient(), e.purpose(), e.manifestDigest(), e.checkpointSize(),
                            delivered.delivered().toString(), e.sealedBy(), e.sealedAt()));
                }
                default -> {
                }
            }
        }
        ProvenanceAudit.Export export = exportId == null ? null : exports.get(exportId);
        if (exportId != null && export == null) {
            return Optional.empty();
        }
        String purpose = export != null && export.purpose() != null ? export.purpose()
                : defined == null ? null : defined.purpose();
        Instant now = clock.instant();
        List<Custody> trajectories = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, @Nullable Split> entry : admitted.entrySet()) {
            Custody custody = custody(entry.getKey(), entry.getValue(), verifier);
            trajectories.add(custody);
            findings.addAll(TrajectoryFindings.of(custody, purpose, now));
        }
        findings.addAll(TrajectoryFindings.splits(trajectories));
        Custody.Policy datasetPolicy = policy == null ? null : policy(policy);
        if (policy != null && policy.retentionUntil() != null && policy.retentionUntil().isBefore(now)) {
            findings.add(new Finding(Finding.Kind.RETENTION_OVERDUE, "dataset " + datasetId, "kept until "
                    + policy.retentionUntil() + ", which has passed"));
        }
        List<Verification> datasetStatements = verifier.verify(stream);
        datasetStatements.stream().filter(v -> !v.ok()).forEach(v -> findings.add(new Finding(
                Finding.Kind.VERIFICATION_FAILED, v.stream() + "@" + v.revision(), v.problem())));
        return Optional.of(new ProvenanceAudit(datasetId, defined == null ? null : defined.name(),
                defined == null ? null : defined.version(), purpose, export, List.copyOf(exports.values()),
                datasetPolicy, trajectories, datasetStatements, findings, verifier.checkpointSize(), now.toString()));
    }

    private Custody custody(String trajectoryId, @Nullable Split split, StatementVerifier verifier)
            throws FormatException {
        List<LogEntry> stream = log.readStream(StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId));
        List<Custody.Event> events = new ArrayList<>();
        List<Custody.Decision> checks = new ArrayList<>();
        List<Custody.Decision> reviews = new ArrayList<>();
        Map<String, Custody.Decision> labels = new LinkedHashMap<>();
        List<Custody.Decision> redactions = new ArrayList<>();
        TrajectoryStarted started = null;
        TrajectoryCompleted completed = null;
        PolicySet policy = null;
        Set<String> unresolved = new TreeSet<>();
        for (LogEntry entry : stream) {
            Statement statement = Statement.read(entry.statement());
            String by = statement.header().iss();
            String at = statement.header().iat().toString();
            events.add(new Custody.Event(entry.revision(), entry.eventType(), by, at, entry.position()));
            switch (entry.eventType()) {
                case "TrajectoryStarted" -> started = decode(statement, TrajectoryStarted.class);
                case "TrajectoryCompleted" -> completed = decode(statement, TrajectoryCompleted.class);
                case "PolicySet" -> policy = decode(statement, PolicySet.class);
                case "QaCheckRecorded" -> {
                    QaCheckRecorded check = decode(statement, QaCheckRecorded.class);
                    checks.add(new Custody.Decision(check.check() + ": " + check.result().wire(),
                            check.flags() == null ? "" : String.join(",", check.flags()), by, at));
                    if (check.requiresRedaction()) {
                        check.flags().stream().filter(QaCheckRecorded.REDACTION_FLAGS::contains)
                                .forEach(unresolved::add);
                    }
                }
                case "QaReviewed" -> {
                    QaReviewed review = decode(statement, QaReviewed.class);
                    reviews.add(new Custody.Decision(review.decision().wire(), review.reason() + " (reviewer "
                            + review.reviewer() + ")", by, at));
                }
                case "LabelApplied" -> {
                    LabelApplied label = decode(statement, LabelApplied.class);
                    labels.put(label.labelId(), new Custody.Decision(label.category().wire() + ": " + label.value(),
                            (label.step() == null ? "trajectory" : "step " + label.step()) + ", label "
                                    + label.labelId(), by, at));
                }
                case "LabelRetracted" -> {
                    LabelRetracted retracted = decode(statement, LabelRetracted.class);
                    labels.computeIfPresent(retracted.labelId(), (id, d) -> new Custody.Decision(d.what(),
                            d.detail() + "; retracted by " + by + " at " + at + ": " + retracted.reason(),
                            d.principal(), d.issuedAt()));
                }
                case "RedactionApplied" -> {
                    RedactionApplied redaction = decode(statement, RedactionApplied.class);
                    redactions.add(new Custody.Decision(redaction.kind().wire() + " " + redaction.digests().size()
                            + " content(s)", redaction.reason(), by, at));
                    unresolved.clear(); // a redaction after the flag resolves it, as admission rules it does
                }
                default -> {
                }
            }
        }
        return new Custody(trajectoryId, split == null ? null : split.wire(),
                started == null ? null : started.taskId(), started == null ? "unknown" : actor(started.actor()),
                started == null || started.model() == null ? null
                        : started.model().provider() + "/" + started.model().id(),
                started == null ? null : started.sourceFormat(),
                completed == null ? null : completed.outcome().wire(), events, checks, reviews,
                List.copyOf(labels.values()), redactions, policy == null ? null : policy(policy),
                List.copyOf(unresolved), verifier.verify(stream));
    }

    private static String actor(Actor actor) {
        return switch (actor) {
            case Actor.Operator operator -> "operator " + operator.operatorId();
            case Actor.Agent agent -> "agent " + agent.agent() + (agent.version() == null ? "" : " "
                    + agent.version());
        };
    }

    private static Custody.Policy policy(PolicySet policy) {
        return new Custody.Policy(policy.retentionUntil() == null ? null : policy.retentionUntil().toString(),
                policy.licence(), policy.dataUse());
    }

    private static <T> T decode(Statement statement, Class<T> type) throws FormatException {
        return PayloadCodec.decode(statement.payload(), type);
    }
}
