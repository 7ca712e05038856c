package dev.runtape.api.commands.capture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.ledger.statement.ArtifactRef;

/** The answer to an upload: where its {@code ArtifactAttached} statement was stored, and the artifact as recorded. */
public record ArtifactOutcome(@JsonUnwrapped CommandOutcome outcome, ArtifactRef artifact) {
}
