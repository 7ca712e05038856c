package dev.runtape.projections.analytics;

import java.util.Map;

/**
 * The analyses of a group of trajectories (one agent's, one model's), as means and shares.
 *
 * @param key the agent or model
 * @param meanSteps mean steps per trajectory, per activity
 * @param meanMillis mean time per trajectory, per activity
 * @param meanRecoveries mean recoveries per trajectory
 * @param loopShare the share of trajectories with a loop
 * @param testsAfterLastEditShare the share of trajectories that ran tests after their last edit
 * @param meanEditedNeverRead mean files edited without being read, per trajectory
 */
public record AnalyticsAggregate(String key, int trajectories, Map<Activity, Double> meanSteps,
        Map<Activity, Double> meanMillis, double meanRecoveries, double loopShare, double testsAfterLastEditShare,
        double meanEditedNeverRead) {

    public AnalyticsAggregate {
        meanSteps = Map.copyOf(meanSteps);
        meanMillis = Map.copyOf(meanMillis);
    }
}
