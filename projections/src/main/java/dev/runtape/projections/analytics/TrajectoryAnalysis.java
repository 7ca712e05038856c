package dev.runtape.projections.analytics;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a trajectory went, computed from its steps.
 *
 * @param steps steps per activity (steps that are none of them: {@link Activity#OTHER})
 * @param millis time per activity: each step's own duration, else the time to the next step that has one
 * @param recoveries the steps where a run recovered: a failed command or test followed, after a change (another
 *     command, or an edit in between), by a success
 * @param loops the same failing command run three or more times
 * @param editedNeverRead files edited (not created) that no step read or showed before the edit
 * @param testsAfterLastEdit whether tests ran after the last edit; false when nothing was edited or tested
 * @param labels the heuristic's step label per step index
 */
public record TrajectoryAnalysis(Map<Activity, Integer> steps, Map<Activity, Long> millis, List<Recovery> recoveries,
        List<Loop> loops, Set<String> editedNeverRead, boolean testsAfterLastEdit,
        Map<Long, SemanticAction> labels) {

    public TrajectoryAnalysis {
        steps = Map.copyOf(steps);
        millis = Map.copyOf(millis);
        recoveries = List.copyOf(recoveries);
        loops = List.copyOf(loops);
        editedNeverRead = Set.copyOf(editedNeverRead);
        labels = Map.copyOf(labels);
    }

    /** A failure at step {@code failed} and the success at step {@code recovered} that followed it. */
    public record Recovery(long failed, long recovered) {
    }

    /** A command that failed {@code times} times, at these steps. */
    public record Loop(String command, int times, List<Long> steps) {

        public Loop {
            steps = List.copyOf(steps);
        }
    }
}
