package dev.runtape.projections.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The heuristic's step labels: searching and reading before the first edit is localization; a reply or reasoning
 * whose next action is an edit the hypothesis it acts on; edits edit; tests verification; the success that recovered
 * a failure recovery; the run's last word (its final reply, a submission, a finish or exit event) the handoff.
 * Steps that are none of these get no label.
 */
final class StepLabels {

    private static final Set<String> HANDOFF_EVENTS = Set.of("exit-status", "submission", "terminate", "finish",
            "task_complete");

    private StepLabels() {
    }

    static Map<Long, SemanticAction> of(List<ObjectNode> steps, Map<Long, Activity> activities,
            List<TrajectoryAnalysis.Recovery> recoveries) {
        Map<Long, SemanticAction> labels = new TreeMap<>();
        boolean edited = false;
        Long thinking = null;
        for (ObjectNode step : steps) {
            long index = step.path("index").asLong();
            Activity activity = activities.get(index);
            String kind = step.path("kind").asText();
            boolean reply = kind.equals("reasoning") || kind.equals("message")
                    && step.path("role").asText().equals("assistant");
            if (reply) {
                thinking = index;
                continue;
            }
            switch (activity) {
                case SEARCH, READING -> {
                    if (!edited) {
                        labels.put(index, SemanticAction.LOCALIZATION);
                    }
                }
                case EDITING -> {
                    if (thinking != null) {
                        labels.putIfAbsent(thinking, SemanticAction.HYPOTHESIS);
                    }
                    labels.put(index, SemanticAction.EDIT);
                    edited = true;
                }
                case VERIFICATION -> labels.put(index, SemanticAction.VERIFICATION);
                case OTHER -> {
                }
            }
            if (activity != Activity.OTHER) {
                thinking = null; // the reply is followed by an action that is not an edit
            }
        }
        recoveries.forEach(recovery -> labels.put(recovery.recovered(), SemanticAction.RECOVERY));
        handoff(steps).ifPresent(index -> labels.put(index, SemanticAction.HANDOFF));
        return labels;
    }

    /** The last step that hands the result on: an ending event, a submit command, else the last reply. */
    private static Optional<Long> handoff(List<ObjectNode> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ObjectNode step = steps.get(i);
            String kind = step.path("kind").asText();
            if (kind.equals("system-event") && HANDOFF_EVENTS.contains(step.path("event").asText())
                    || kind.equals("command") && step.path("command").asText().strip().startsWith("submit")
                    || kind.equals("message") && step.path("role").asText().equals("assistant")) {
                return Optional.of(step.path("index").asLong());
            }
        }
        return Optional.empty();
    }
}
