package dev.runtape.projections.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses a trajectory's steps (steps.cddl shapes, contents in the clear; a content that is a digest reference
 * reads as no text). Pure: the same steps always give the same analysis.
 *
 * <p>A failure is a command whose exit code is not 0, or a test run with failures or errors whose command's exit
 * code is unknown. A success of the same program (or, for tests, of any test command) after it recovers it when the
 * command changed or a file was edited in between: retrying the same command unchanged is no recovery, and failing
 * the same way three times or more is a loop.
 */
public final class TrajectoryAnalyzer {

    private TrajectoryAnalyzer() {
    }

    public static TrajectoryAnalysis analyze(List<ObjectNode> steps) {
        Map<Long, JsonNode> byIndex = new HashMap<>();
        steps.forEach(step -> byIndex.put(step.path("index").asLong(), step));
        Map<Activity, Integer> counts = new EnumMap<>(Activity.class);
        Map<Activity, Long> millis = new EnumMap<>(Activity.class);
        Map<Long, Activity> activities = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ObjectNode step = steps.get(i);
            Activity activity = StepClassifier.of(step, parentTool(step, byIndex));
            activities.put(step.path("index").asLong(), activity);
            counts.merge(activity, 1, Integer::sum);
            millis.merge(activity, duration(steps, i), Long::sum);
        }
        Outcomes outcomes = outcomes(steps, byIndex, activities);
        return new TrajectoryAnalysis(counts, millis, outcomes.recoveries(), outcomes.loops(),
                editedNeverRead(steps, activities), testsAfterLastEdit(activities),
                StepLabels.of(steps, activities, outcomes.recoveries()));
    }

    private static String parentTool(JsonNode step, Map<Long, JsonNode> byIndex) {
        JsonNode parent = step.has("parent") ? byIndex.get(step.path("parent").asLong()) : null;
        return parent != null && parent.path("kind").asText().equals("tool-call") ? parent.path("tool").asText("")
                : "";
    }

    /** A step's own duration, else the time until the next step that has a time. */
    private static long duration(List<ObjectNode> steps, int at) {
        ObjectNode step = steps.get(at);
        if (step.path("duration").canConvertToLong()) {
            return Math.max(0, step.path("duration").asLong());
        }
        if (!step.path("time").canConvertToLong()) {
            return 0;
        }
        for (int next = at + 1; next < steps.size(); next++) {
            if (steps.get(next).path("time").canConvertToLong()) {
                return Math.max(0, steps.get(next).path("time").asLong() - step.path("time").asLong());
            }
        }
        return 0;
    }

    private record Outcomes(List<TrajectoryAnalysis.Recovery> recoveries, List<TrajectoryAnalysis.Loop> loops) {
    }

    /** A failure not recovered yet. */
    private record Open(long index, String command, String program, boolean tests, boolean editedSince) {
    }

    private static Outcomes outcomes(List<ObjectNode> steps, Map<Long, JsonNode> byIndex,
            Map<Long, Activity> activities) {
        List<Open> open = new ArrayList<>();
        List<TrajectoryAnalysis.Recovery> recoveries = new ArrayList<>();
        Map<String, List<Long>> failures = new LinkedHashMap<>();
        for (ObjectNode step : steps) {
            long index = step.path("index").asLong();
            if (activities.get(index) == Activity.EDITING) {
                open.replaceAll(f -> new Open(f.index(), f.command(), f.program(), f.tests(), true));
            }
            Boolean failed = failed(step, byIndex);
            if (failed == null) {
                continue;
            }
            String command = normalized(commandOf(step, byIndex));
            String program = command.isEmpty() ? "" : command.split(" ", 2)[0];
            boolean tests = StepClassifier.runsTests(command) || step.path("kind").asText().equals("test-run");
            if (failed) {
                open.add(new Open(index, command, program, tests, false));
                failures.computeIfAbsent(command, c -> new ArrayList<>()).add(index);
                continue;
            }
            List<Open> recovered = open.stream().filter(f -> (f.tests() ? tests : f.program().equals(program))
                    && (f.editedSince() || !f.command().equals(command))).toList();
            if (!recovered.isEmpty()) {
                recoveries.add(new TrajectoryAnalysis.Recovery(recovered.getFirst().index(), index));
                open.removeAll(recovered);
            }
            open.removeIf(f -> f.command().equals(command)); // it works now: retrying it was no recovery
        }
        List<TrajectoryAnalysis.Loop> loops = new ArrayList<>();
        failures.forEach((command, at) -> {
            if (at.size() >= 3) {
                loops.add(new TrajectoryAnalysis.Loop(command, at.size(), at));
            }
        });
        return new Outcomes(recoveries, loops);
    }

    /** True for a failed command or test, false for a successful one, null for a step that is neither. */
    private static Boolean failed(JsonNode step, Map<Long, JsonNode> byIndex) {
        switch (step.path("kind").asText()) {
            case "command" -> {
                return step.path("exit-code").isIntegralNumber() ? step.path("exit-code").asInt() != 0 : null;
            }
            case "test-run" -> {
                JsonNode ranBy = byIndex.get(step.path("parent").asLong(-1));
                if (ranBy != null && ranBy.path("exit-code").isIntegralNumber()) {
                    return null; // the command's exit code already tells
                }
                return step.path("failed").asLong(0) + step.path("errors").asLong(0) > 0;
            }
            default -> {
                return null;
            }
        }
    }

    private static String commandOf(JsonNode step, Map<Long, JsonNode> byIndex) {
        if (step.path("command").isTextual()) {
            return step.path("command").textValue();
        }
        JsonNode ranBy = byIndex.get(step.path("parent").asLong(-1));
        return ranBy == null ? "" : StepClassifier.text(ranBy.path("command"));
    }

    private static String normalized(String command) {
        return command.strip().replaceAll("\\s+", " ");
    }

    private static Set<String> editedNeverRead(List<ObjectNode> steps, Map<Long, Activity> activities) {
        Set<String> edited = new LinkedHashSet<>();
        List<String> read = new ArrayList<>();
        for (ObjectNode step : steps) {
            Activity activity = activities.get(step.path("index").asLong());
            String kind = step.path("kind").asText();
            if (kind.equals("file-edit") && !StepClassifier.text(step.path("diff")).startsWith("--- /dev/null")) {
                edited.add(step.path("path").asText());
            } else if (kind.equals("file-read")) {
                read.add(step.path("path").asText());
            } else if (activity == Activity.READING || activity == Activity.SEARCH) {
                read.add(StepClassifier.text(step.path("command")) + "\n" + StepClassifier.text(step.path("stdout")));
            } else if (kind.equals("tool-result") || kind.equals("command")) {
                // an editor's window shows the file it opened: SWE-agent's "[File: PATH (N lines total)]"
                read.add(StepClassifier.text(step.path("stdout")) + StepClassifier.text(step.path("output")));
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (String path : edited) {
            String name = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
            boolean seen = read.stream().filter(text -> !text.isBlank()).anyMatch(text -> text.endsWith(path)
                    || path.endsWith(text) || !name.isEmpty() && text.contains(name));
            if (!seen && !path.isEmpty()) {
                result.add(path);
            }
        }
        return result;
    }

    private static boolean testsAfterLastEdit(Map<Long, Activity> activities) {
        long lastEdit = -1;
        long lastTest = -1;
        for (Map.Entry<Long, Activity> entry : activities.entrySet()) {
            if (entry.getValue() == Activity.EDITING) {
                lastEdit = entry.getKey();
            } else if (entry.getValue() == Activity.VERIFICATION) {
                lastTest = entry.getKey();
            }
        }
        return lastEdit >= 0 && lastTest > lastEdit;
    }
}
