package dev.runtape.api.commands.capture;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Tasks: what a trajectory sets out to do. */
@RestController
public class TaskController {

    private final CommandSender sender;
    private final Disclosures disclosures;

    public TaskController(CommandSender sender, Disclosures disclosures) {
        this.sender = sender;
        this.disclosures = disclosures;
    }

    @PostMapping("/tasks")
    public ResponseEntity<CommandOutcome> define(@RequestBody DefineTaskRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey)
            throws ContentStoreException {
        String taskId = required("task-id", body.taskId());
        DefineTask command = new DefineTask(taskId, disclosures.discloseText(required("prompt", body.prompt())),
                required("family", body.family()),
                body.successCriteria() == null ? List.of() : body.successCriteria(), body.repository(),
                body.environment());
        return Answers.created(sender.send(CallerArgument.current(), command,
                StreamId.of(StreamId.Kind.TASK, taskId), CommandSender.Request.of(body.eventId(), idempotencyKey,
                        null)));
    }
}
