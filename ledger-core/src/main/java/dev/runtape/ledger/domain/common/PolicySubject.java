package dev.runtape.ledger.domain.common;

import org.jspecify.annotations.Nullable;

/** What a policy applies to: a trajectory or a dataset, exactly one of them. */
public record PolicySubject(@Nullable String trajectoryId, @Nullable String datasetId) {

    public PolicySubject {
        if ((trajectoryId == null) == (datasetId == null)) {
            throw new IllegalArgumentException("a policy applies to exactly one trajectory or one dataset");
        }
    }

    public static PolicySubject trajectory(String trajectoryId) {
        return new PolicySubject(trajectoryId, null);
    }

    public static PolicySubject dataset(String datasetId) {
        return new PolicySubject(null, datasetId);
    }
}
