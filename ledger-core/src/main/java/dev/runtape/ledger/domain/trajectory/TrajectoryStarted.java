package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A run of a task started: who performs it, with what model and tools, from which commit. */
public record TrajectoryStarted(String trajectoryId, String taskId, Actor actor, @Nullable Model model,
        @Nullable Map<String, String> toolVersions, @Nullable Repository repository, @Nullable Instant started,
        @Nullable String sourceFormat, @Nullable String continues, @Nullable String parent) {

    public TrajectoryStarted {
        toolVersions = toolVersions == null ? null : Map.copyOf(toolVersions);
    }
}
