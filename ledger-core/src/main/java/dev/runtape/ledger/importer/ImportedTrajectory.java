package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trajectory as a format read it, before it enters the ledger: what the task was, who ran it, every step (as
 * steps.cddl shapes them, contents in the clear: the ledger discloses them on import), and how it ended.
 *
 * @param trajectoryId derived from the source file, so importing the same file again names the same trajectory
 * @param sourceFormat the format's name, e.g. "swe-agent-traj"; recorded as the trajectory's source format
 * @param taskText the task as the agent was given it; absent when the file does not hold it
 * @param blockers what stopped or slowed the run, in the source's words (an exit status, an error)
 * @param children sub-trajectories (a subagent's run), imported with this one as their parent
 */
public record ImportedTrajectory(String trajectoryId, String sourceFormat, String taskId, @Nullable String taskText,
        String taskFamily, Actor actor, @Nullable Model model, @Nullable Repository repository,
        @Nullable Instant started, List<ObjectNode> steps, Outcome outcome, List<String> blockers,
        @Nullable String finalDiff, @Nullable Usage usage, List<ImportedTrajectory> children) {

    public ImportedTrajectory {
        started = started == null ? null : started.truncatedTo(ChronoUnit.MILLIS); // the ledger keeps milliseconds
        steps = steps.stream().map(ObjectNode::deepCopy).toList();
        blockers = List.copyOf(blockers);
        children = List.copyOf(children);
    }

    /** Copies of the steps: the record stays as it was read. */
    @Override
    public List<ObjectNode> steps() {
        return steps.stream().map(ObjectNode::deepCopy).toList();
    }

    /** How many steps there are of one kind, e.g. "command". */
    public long count(String kind) {
        return steps.stream().filter(step -> step.path("kind").asText().equals(kind)).count();
    }
}
