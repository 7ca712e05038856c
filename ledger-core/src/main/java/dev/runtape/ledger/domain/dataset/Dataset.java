package dev.runtape.ledger.domain.dataset;

import static dev.runtape.ledger.domain.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.PolicySet;
import dev.runtape.ledger.domain.common.PolicySubject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One version of a dataset: the trajectories admitted to it, their splits, its policy, and its exports. Once an
 * export is sealed the version is frozen, so every sealed export keeps describing exactly what it was sealed over.
 */
public class Dataset {

    @AggregateIdentifier
    private String streamId;
    private String datasetId;
    private final Set<String> admitted = new HashSet<>();
    /** Export id to its recipient. */
    private final Map<String, String> sealedExports = new HashMap<>();

    protected Dataset() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Dataset(DefineDataset command) {
        apply(new DatasetDefined(command.datasetId(), command.name(), command.version(), command.purpose(),
                command.description()));
    }

    @CommandHandler
    void handle(AdmitTrajectory command, AdmissionCheck admissionCheck) {
        requireNotSealed("admit a trajectory");
        require(!admitted.contains(command.trajectoryId()), Rule.ALREADY_ADMITTED,
                "trajectory " + command.trajectoryId() + " is already in dataset " + datasetId);
        admissionCheck.blocker(command.trajectoryId()).ifPresent(violation -> {
            throw violation;
        });
        apply(new TrajectoryAdmitted(datasetId, command.trajectoryId(), command.split()));
    }

    @CommandHandler
    void handle(AssignSplit command) {
        requireNotSealed("assign a split");
        require(admitted.contains(command.trajectoryId()), Rule.NOT_ADMITTED,
                "trajectory " + command.trajectoryId() + " is not in dataset " + datasetId);
        apply(new SplitAssigned(datasetId, command.trajectoryId(), command.split()));
    }

    @CommandHandler
    void handle(SetDatasetPolicy command) {
        requireNotSealed("change its policy");
        apply(new PolicySet(PolicySubject.dataset(datasetId), command.retentionUntil(), command.licence(),
                command.dataUse()));
    }

    @CommandHandler
    void handle(SealExport command) {
        require(!sealedExports.containsKey(command.exportId()), Rule.EXPORT_ALREADY_SEALED,
                "export " + command.exportId() + " of dataset " + datasetId + " is sealed and never changes");
        apply(new ExportSealed(datasetId, command.exportId(), command.manifestDigest(), command.checkpoint(),
                command.recipient(), command.purpose()));
    }

    @CommandHandler
    void handle(DeliverExport command) {
        String recipient = sealedExports.get(command.exportId());
        require(recipient != null, Rule.UNKNOWN_SUBJECT,
                "dataset " + datasetId + " has no sealed export " + command.exportId());
        require(command.recipient().equals(recipient), Rule.WRONG_RECIPIENT, "export " + command.exportId()
                + " was sealed for \"" + recipient + "\", not for \"" + command.recipient() + "\"");
        apply(new ExportDelivered(datasetId, command.exportId(), command.recipient(), command.delivered(),
                command.channel()));
    }

    private void requireNotSealed(String action) {
        require(sealedExports.isEmpty(), Rule.DATASET_SEALED, "cannot " + action + ": dataset " + datasetId
                + " has a sealed export and never changes; define a new version instead");
    }

    @EventSourcingHandler
    void on(DatasetDefined event) {
        streamId = Streams.dataset(event.datasetId());
        datasetId = event.datasetId();
    }

    @EventSourcingHandler
    void on(TrajectoryAdmitted event) {
        admitted.add(event.trajectoryId());
    }

    @EventSourcingHandler
    void on(ExportSealed event) {
        sealedExports.put(event.exportId(), event.recipient());
    }
}
