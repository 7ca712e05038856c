package dev.runtape.ledger.importer;

import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import java.util.List;
import java.util.function.Function;

/**
 * Files that hold several runs side by side (evaluation output lines, SWE-bench predictions, training episodes): one
 * run imports as itself; several are the children of one trajectory for the file, whose steps are one system event
 * per run, so the file still goes in all or nothing and under one id.
 */
public final class RecordGroup {

    private RecordGroup() {
    }

    /** The id of the run at {@code number} (its line or place, from 1) when the file holds {@code count} runs. */
    public static String childId(String format, SourceFile source, int count, int number) {
        return format + "-" + source.shortDigest() + (count == 1 ? "" : "-" + number);
    }

    /**
     * The file as one trajectory.
     *
     * @param event the system events' name, e.g. "instance"
     * @param describe what each run's event says
     * @throws ImportException if the file holds no run
     */
    public static ImportedTrajectory of(SourceFile source, String format, String taskFamily, String event,
            List<ImportedTrajectory> runs, Function<ImportedTrajectory, String> describe) throws ImportException {
        if (runs.isEmpty()) {
            throw new ImportException(source.path(), "line 1", "expected at least one run, found none");
        }
        if (runs.size() == 1) {
            return runs.getFirst();
        }
        StepList steps = new StepList();
        for (ImportedTrajectory run : runs) {
            steps.systemEvent(event, describe.apply(run));
        }
        ImportedTrajectory first = runs.getFirst();
        return new ImportedTrajectory(format + "-" + source.shortDigest(), format, stem(source), null, taskFamily,
                first.actor(), first.model(), null, first.started(), steps.steps(), Outcome.UNKNOWN, List.of(), null,
                null, runs);
    }

    /** The file's name without its extension, at most 200 characters: "output.jsonl" is "output". */
    public static String stem(SourceFile source) {
        String name = source.name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.length() > 200 ? stem.substring(0, 200) : stem;
    }
}
