package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.statement.ArtifactRef;
import org.jspecify.annotations.Nullable;

/** An artifact (screenshot, recording, snapshot) was attached to the trajectory or one of its steps. */
public record ArtifactAttached(String trajectoryId, @Nullable Long step, ArtifactRef artifact) {
}
