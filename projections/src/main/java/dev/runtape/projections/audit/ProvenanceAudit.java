package dev.runtape.projections.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The audit of a dataset version, or of one of its exports ({@code export} set): the dataset, its exports, every
 * trajectory in it with its custody, and the findings.
 *
 * @param purpose the purpose uses are checked against: the export's, else the dataset's
 * @param checkpointSize the size of the checkpoint statements were checked against; null when none was signed yet
 */
public record ProvenanceAudit(String datasetId, @Nullable String name, @Nullable String version,
        @Nullable String purpose, @Nullable Export export, List<Export> exports, Custody.@Nullable Policy policy,
        List<Custody> trajectories, List<Verification> datasetStatements, List<Finding> findings,
        @Nullable Long checkpointSize, String generatedAt) {

    public ProvenanceAudit {
        exports = List.copyOf(exports);
        trajectories = List.copyOf(trajectories);
        datasetStatements = List.copyOf(datasetStatements);
        findings = List.copyOf(findings);
    }

    /** A sealed export: for whom, what for, its manifest digest and checkpoint, and whether it was delivered. */
    public record Export(String exportId, String recipient, @Nullable String purpose, String manifestDigest,
            long checkpointSize, @Nullable String delivered, String sealedBy, String sealedAt) {
    }

    /** How many statements were verified, and how many failed. */
    public long statements() {
        return datasetStatements.size() + trajectories.stream().mapToLong(t -> t.verifications().size()).sum();
    }

    public long failedStatements() {
        return datasetStatements.stream().filter(v -> !v.ok()).count() + trajectories.stream()
                .flatMap(t -> t.verifications().stream()).filter(v -> !v.ok()).count();
    }
}
