package dev.runtape.projections.analytics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Groups analyses by agent or model and averages them. */
public final class AnalyticsAggregates {

    /** One trajectory's analysis with the agent and model that ran it ("unknown" when the source names none). */
    public record Analysed(String agent, String model, TrajectoryAnalysis analysis) {
    }

    private AnalyticsAggregates() {
    }

    public static List<AnalyticsAggregate> byAgent(List<Analysed> analysed) {
        return group(analysed, Analysed::agent);
    }

    public static List<AnalyticsAggregate> byModel(List<Analysed> analysed) {
        return group(analysed, Analysed::model);
    }

    private static List<AnalyticsAggregate> group(List<Analysed> analysed, Function<Analysed, String> key) {
        Map<String, List<TrajectoryAnalysis>> groups = new LinkedHashMap<>();
        analysed.forEach(a -> groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a.analysis()));
        List<AnalyticsAggregate> aggregates = new ArrayList<>();
        groups.forEach((name, analyses) -> aggregates.add(aggregate(name, analyses)));
        return aggregates;
    }

    private static AnalyticsAggregate aggregate(String key, List<TrajectoryAnalysis> analyses) {
        int n = analyses.size();
        Map<Activity, Double> steps = new EnumMap<>(Activity.class);
        Map<Activity, Double> millis = new EnumMap<>(Activity.class);
        for (Activity activity : Activity.values()) {
            steps.put(activity, analyses.stream().mapToInt(a -> a.steps().getOrDefault(activity, 0)).sum()
                    / (double) n);
            millis.put(activity, analyses.stream().mapToLong(a -> a.millis().getOrDefault(activity, 0L)).sum()
                    / (double) n);
        }
        return new AnalyticsAggregate(key, n, steps, millis,
                analyses.stream().mapToInt(a -> a.recoveries().size()).sum() / (double) n,
                analyses.stream().filter(a -> !a.loops().isEmpty()).count() / (double) n,
                analyses.stream().filter(TrajectoryAnalysis::testsAfterLastEdit).count() / (double) n,
                analyses.stream().mapToInt(a -> a.editedNeverRead().size()).sum() / (double) n);
    }
}
