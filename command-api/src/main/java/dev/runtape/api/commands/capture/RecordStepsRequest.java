package dev.runtape.api.commands.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /trajectories/{id}/steps}: a batch of steps (steps.cddl), their contents in the clear or as references
 * to disclosures made by the producer.
 */
public record RecordStepsRequest(List<ObjectNode> steps, @Nullable String eventId) {
}
