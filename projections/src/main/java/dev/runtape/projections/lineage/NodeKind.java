package dev.runtape.projections.lineage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a node of the lineage graph stands for, and so its PROV type. The wire name is the first part of the node's id
 * ({@code trajectory/t-1}) and its {@code prov:type} ({@code runtape:trajectory}).
 */
public enum NodeKind {
    /** A task's prompt, success criteria and environment. */
    TASK(ProvType.ENTITY),
    /** A trajectory: what an execution produced. */
    TRAJECTORY(ProvType.ENTITY),
    /** One batch of a trajectory's steps. */
    STEPS(ProvType.ENTITY),
    /** An artifact attached to a trajectory, by the digest of its bytes. */
    ARTIFACT(ProvType.ENTITY),
    /** The repository snapshot (URL and commit) an execution worked on. */
    REPOSITORY(ProvType.ENTITY),
    /** A trajectory's QA record: what its checks and reviews produced, and what a dataset admits. */
    QA_RECORD(ProvType.ENTITY),
    /** A label applied to a trajectory or one of its steps. */
    LABEL(ProvType.ENTITY),
    /** A dataset version. */
    DATASET(ProvType.ENTITY),
    /** A sealed export of a dataset. */
    EXPORT(ProvType.ENTITY),
    /** Running the task: the activity that generated a trajectory. */
    EXECUTION(ProvType.ACTIVITY),
    /** An automated QA check. */
    QA_CHECK(ProvType.ACTIVITY),
    /** A reviewer's accept or reject. */
    REVIEW(ProvType.ACTIVITY),
    /** Applying a label. */
    LABELLING(ProvType.ACTIVITY),
    /** Redacting or erasing contents. */
    REDACTION(ProvType.ACTIVITY),
    /** Sealing an export. */
    EXPORTING(ProvType.ACTIVITY),
    /** A human operator, by pseudonym. */
    OPERATOR(ProvType.AGENT),
    /** A coding agent, e.g. swe-agent. */
    AGENT(ProvType.AGENT),
    /** The model an agent ran on. */
    MODEL(ProvType.AGENT),
    /** The reviewer a review names. */
    REVIEWER(ProvType.AGENT),
    /** The authenticated principal a statement speaks for (its {@code iss}): a service or a person's key. */
    PRINCIPAL(ProvType.AGENT);

    private final ProvType prov;
    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

    NodeKind(ProvType prov) {
        this.prov = prov;
    }

    public ProvType prov() {
        return prov;
    }

    /** The kebab-case name: {@code qa-record}. */
    public String wire() {
        return wire;
    }

    /** The kind of a wire name, if it is one. */
    public static Optional<NodeKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(wire)).findFirst();
    }
}
