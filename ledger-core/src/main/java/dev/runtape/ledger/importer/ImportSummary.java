package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one file brought in, as {@code runtape import} reports it: steps, commands and how many of them have an exit
 * code, file edits with a diff (and the final diff), test runs, steps that record an error, and the events stored
 * now (0 when the file was imported before). Sub-trajectories count with their parent.
 */
public record ImportSummary(String file, String format, String trajectoryId, int steps, int commands,
        int exitCodesKnown, int diffs, int testRuns, int errors, int eventsStored) {

    /** The summary of {@code trajectory}, read from {@code file}, written as {@code result} says. */
    public static ImportSummary of(String file, ImportedTrajectory trajectory, ImportResult result) {
        List<ObjectNode> steps = new ArrayList<>();
        int finalDiffs = collect(trajectory, steps);
        int commands = 0;
        int exitCodes = 0;
        int diffs = finalDiffs;
        int testRuns = 0;
        int errors = 0;
        for (ObjectNode step : steps) {
            switch (step.path("kind").asText()) {
                case "command" -> {
                    commands++;
                    if (step.path("exit-code").isIntegralNumber()) {
                        exitCodes++;
                    }
                }
                case "file-edit" -> diffs += step.hasNonNull("diff") ? 1 : 0;
                case "test-run" -> testRuns++;
                default -> {
                }
            }
            if (step.path("is-error").asBoolean(false)) {
                errors++;
            }
        }
        return new ImportSummary(file, trajectory.sourceFormat(), trajectory.trajectoryId(), steps.size(), commands,
                exitCodes, diffs, testRuns, errors, result.totalEventsStored());
    }

    /** Gathers the steps of a trajectory and its children; returns how many of them have a final diff. */
    private static int collect(ImportedTrajectory trajectory, List<ObjectNode> steps) {
        steps.addAll(trajectory.steps());
        int finalDiffs = trajectory.finalDiff() == null ? 0 : 1;
        for (ImportedTrajectory child : trajectory.children()) {
            finalDiffs += collect(child, steps);
        }
        return finalDiffs;
    }
}
