package dev.runtape.ledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.importer.vac.VacRecords;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.verifier.FormatException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Training-ready output of a dataset version: one JSON object per admitted trajectory of a split, either its
 * Verifiable Agent Conversation record or a flat chat ({@code {"trajectory-id", "task-id", "split", "outcome",
 * "messages": [{"role", "content"}]}}, commands as the assistant's {@code $ command} and the tool's output). Read from
 * the ledger as it is now: a redacted content is its digest in a record, and absent from a chat.
 */
public final class TrainingLines {

    /** The two forms a line can take. */
    public enum Form {
        VAC, CHAT;

        public static Form of(String name) {
            return Form.valueOf(name.toUpperCase(Locale.ROOT));
        }
    }


    private final EventLog log;
    private final StoredTrajectoryReader reader;

    public TrainingLines(EventLog log, Disclosures disclosures) {
        this.log = log;
        this.reader = new StoredTrajectoryReader(log, disclosures);
    }

    /**
     * Gives {@code line} one object per trajectory of {@code split} in the dataset, in the order they were admitted.
     *
     * @return how many lines
     */
    public long write(String datasetId, Split split, Form form, Consumer<ObjectNode> line)
            throws FormatException, ContentStoreException {
        Map<String, @Nullable Split> admitted = DatasetMembers.read(log, datasetId).map(DatasetMembers::admitted)
                .orElse(Map.of());
        long lines = 0;
        for (Map.Entry<String, @Nullable Split> entry : admitted.entrySet()) {
            if (entry.getValue() != split) {
                continue;
            }
            var trajectory = reader.readAlone(entry.getKey()); // each admitted trajectory is its own line
            if (trajectory.isPresent()) {
                line.accept(form == Form.VAC ? VacRecords.export(trajectory.get()) : chat(trajectory.get(), split));
                lines++;
            }
        }
        return lines;
    }

    /** The flat chat form of a trajectory: what a chat fine-tuning job reads. */
    static ObjectNode chat(ImportedTrajectory trajectory, Split split) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("trajectory-id", trajectory.trajectoryId())
                .put("task-id", trajectory.taskId()).put("split", split.wire())
                .put("outcome", trajectory.outcome().wire());
        ArrayNode messages = line.putArray("messages");
        for (ObjectNode step : trajectory.steps()) {
            switch (step.path("kind").asText()) {
                case "message" -> add(messages, step.path("role").asText("user"), step.path("content"));
                case "reasoning" -> add(messages, "assistant", step.path("content"));
                case "command" -> {
                    JsonNode command = step.path("command");
                    if (command.isTextual()) {
                        messages.addObject().put("role", "assistant").put("content", "$ " + command.textValue());
                    }
                    add(messages, "tool", step.path("stdout"));
                }
                case "tool-result" -> add(messages, "tool", step.path("output"));
                default -> {
                    // tool calls are the commands and results above; events and typed edits are not chat
                }
            }
        }
        return line;
    }

    /** A message with text; a withheld content ({@code {"digest": ...}}) is not text and is left out. */
    private static void add(ArrayNode messages, String role, JsonNode content) {
        if (content.isTextual() && !content.textValue().isEmpty()) {
            messages.addObject().put("role", role).put("content", content.textValue());
        }
    }
}
