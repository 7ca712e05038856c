package dev.runtape.api.commands.capture;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /trajectories}: a trajectory starts on a task, by an operator or an agent. */
public record StartTrajectoryRequest(String trajectoryId, String taskId, Actor actor, @Nullable Model model,
        @Nullable Map<String, String> toolVersions, @Nullable Repository repository, @Nullable Instant started,
        @Nullable String sourceFormat, @Nullable String continues, @Nullable String parent,
        @Nullable String eventId) {
}
