package dev.runtape.projections.search;

import java.util.List;

/** The sample documents for the adapters' own tests in other packages. */
public final class SampleTrajectoriesAccess {

    private SampleTrajectoriesAccess() {
    }

    public static List<TrajectoryDocument> documents(String tenant) {
        return SampleTrajectories.documents(tenant);
    }
}
