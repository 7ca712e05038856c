package dev.runtape.projections.audit;

import java.util.Locale;

/** A policy finding: what is wrong, about which trajectory (or the dataset), in words an officer can act on. */
public record Finding(Kind kind, String subject, String detail) {

    /** The findings an audit looks for. */
    public enum Kind {
        /** A QA check flagged a secret or PII and no redaction followed. */
        UNRESOLVED_FLAG,
        /** One task's trajectories sit in both the train and the eval split. */
        TASK_IN_BOTH_SPLITS,
        /** A trajectory's permitted uses do not include the purpose of the dataset or the export. */
        DATA_USE_FORBIDS_PURPOSE,
        /** A retention date has passed. */
        RETENTION_OVERDUE,
        /** A statement failed verification. */
        VERIFICATION_FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
