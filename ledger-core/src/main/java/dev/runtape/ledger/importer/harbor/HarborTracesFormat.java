package dev.runtape.ledger.importer.harbor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.RecordGroup;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Harbor's {@code traces.json}: a list of episodes, each the {@code conversations} (role and content) the model saw
 * and answered in that episode, with {@code agent}, {@code model}, {@code task}, {@code episode}, {@code date} and
 * {@code result} (the reward). It is the training form of a run whose ATIF trajectory lies beside it: messages only,
 * the commands are inside the replies' text. A reply's {@code <think>} block is a reasoning step before its message.
 * Each episode is a trajectory; a file of several is their parent. A reward of 1 or more is a success, 0 a failure,
 * none unknown.
 */
public final class HarborTracesFormat implements TrajectoryFormat {

    public static final String NAME = "harbor-traces";
    private static final Pattern THINK = Pattern.compile("(?s)^\\s*<think>(.*?)</think>\\s*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        if (!head.stripLeading().startsWith("[") || !head.contains("\"conversations\"")) {
            return 0;
        }
        return source.name().endsWith("traces.json") ? 0.9 : 0.6;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        JsonNode root = JsonInput.document(source);
        if (!root.isArray()) {
            throw new ImportException(source.path(), "$", "expected a list of episodes, found "
                    + JsonInput.found(root));
        }
        List<ImportedTrajectory> episodes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            episodes.add(episode(source, root.get(i), "$[" + i + "]",
                    RecordGroup.childId(NAME, source, root.size(), i + 1)));
        }
        return RecordGroup.of(source, NAME, "harbor", "episode", episodes,
                run -> run.taskId() + ": " + run.steps().size() + " messages, " + run.outcome().wire());
    }

    private static ImportedTrajectory episode(SourceFile source, JsonNode episode, String at, String id)
            throws ImportException {
        if (!episode.isObject()) {
            throw new ImportException(source.path(), at, "expected an episode object, found "
                    + JsonInput.found(episode));
        }
        JsonNode conversation = JsonInput.array(source, episode, "conversations", at);
        String model = JsonInput.optionalText(episode, "model");
        StepList steps = new StepList();
        String task = null;
        for (int i = 0; i < conversation.size(); i++) {
            JsonNode message = conversation.get(i);
            String role = JsonInput.text(source, message, "role", at + ".conversations[" + i + "]");
            String content = Messages.text(message.path("content"));
            if (role.equals("assistant")) {
                Matcher think = THINK.matcher(content);
                if (think.find()) {
                    steps.reasoning(think.group(1).strip());
                    content = content.substring(think.end());
                }
            } else if (task == null && role.equals("user")) {
                task = content;
            }
            steps.message(role, content, role.equals("assistant") ? model : null);
        }
        String agent = JsonInput.optionalText(episode, "agent");
        String taskId = JsonInput.optionalText(episode, "task");
        return new ImportedTrajectory(id, NAME, taskId == null ? RecordGroup.stem(source) : taskId, task, "harbor",
                new Actor.Agent(agent == null ? "unknown" : agent, null), Models.of(model), null,
                Timestamp.parse(episode.path("date").asText("")).map(Timestamp::instant).orElse(null), steps.steps(),
                outcome(episode.path("result")), List.of(), null, null, List.of());
    }

    private static Outcome outcome(JsonNode reward) {
        if (!reward.isNumber()) {
            return Outcome.UNKNOWN;
        }
        return reward.doubleValue() >= 1 ? Outcome.SUCCESS : reward.doubleValue() <= 0 ? Outcome.FAILURE
                : Outcome.PARTIAL;
    }
}
