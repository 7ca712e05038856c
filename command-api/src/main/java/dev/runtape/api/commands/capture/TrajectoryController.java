package dev.runtape.api.commands.capture;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.CompleteTrajectory;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.StepContents;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A trajectory's capture: start, steps in batches, completion. */
@RestController
public class TrajectoryController {

    private final CommandSender sender;
    private final Disclosures disclosures;
    private final StepContents stepContents;
    private final int stepsPerBatch;

    public TrajectoryController(CommandSender sender, Disclosures disclosures, RuntapeProperties properties) {
        this.sender = sender;
        this.disclosures = disclosures;
        this.stepContents = new StepContents(disclosures);
        this.stepsPerBatch = properties.limits().stepsPerBatch();
    }

    @PostMapping("/trajectories")
    public ResponseEntity<CommandOutcome> start(@RequestBody StartTrajectoryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        String trajectoryId = required("trajectory-id", body.trajectoryId());
        String taskId = required("task-id", body.taskId());
        StartTrajectory command = new StartTrajectory(trajectoryId, taskId, required("actor", body.actor()),
                body.model(), body.toolVersions(), body.repository(), body.started(), body.sourceFormat(),
                body.continues(), body.parent());
        return Answers.created(sender.send(CallerArgument.current(), command, trajectory(trajectoryId),
                CommandSender.Request.of(body.eventId(), idempotencyKey, null),
                StreamId.of(StreamId.Kind.TASK, taskId)));
    }

    @PostMapping("/trajectories/{id}/steps")
    public ResponseEntity<CommandOutcome> recordSteps(@PathVariable String id, @RequestBody RecordStepsRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException {
        List<ObjectNode> open = required("steps", body.steps());
        if (open.isEmpty() || open.size() > stepsPerBatch) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "a batch has 1 to " + stepsPerBatch
                    + " steps, not " + open.size());
        }
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        List<Step> steps;
        try {
            steps = stepContents.discloseAll(open);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        return Answers.recorded(sender.send(CallerArgument.current(), new RecordSteps(id, steps), trajectory(id),
                request));
    }

    @PostMapping("/trajectories/{id}/completion")
    public ResponseEntity<CommandOutcome> complete(@PathVariable String id,
            @RequestBody CompleteTrajectoryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        CompleteTrajectory command = new CompleteTrajectory(id, required("outcome", body.outcome()),
                body.criteriaMet() == null ? List.of() : body.criteriaMet(), body.duration(), body.blockers(),
                body.finalDiff() == null ? null : disclosures.discloseText(body.finalDiff()), body.usage());
        return Answers.recorded(sender.send(CallerArgument.current(), command, trajectory(id), request));
    }

    private static StreamId trajectory(String id) {
        return StreamId.of(StreamId.Kind.TRAJECTORY, id);
    }
}
