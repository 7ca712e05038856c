package dev.runtape.api.commands.review;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.security.Caller;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.trajectory.RecordQaCheck;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Disclosures;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** QA of a completed trajectory: automated checks, and the review that accepts or rejects it. */
@RestController
public class QaController {

    private final CommandSender sender;
    private final Disclosures disclosures;

    public QaController(CommandSender sender, Disclosures disclosures) {
        this.sender = sender;
        this.disclosures = disclosures;
    }

    @PostMapping("/trajectories/{id}/qa-checks")
    public ResponseEntity<CommandOutcome> check(@PathVariable String id, @RequestBody RecordQaCheckRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        RecordQaCheck command = new RecordQaCheck(id, required("check", body.check()),
                required("result", body.result()), body.flags(),
                body.details() == null ? null : disclosures.discloseText(body.details()));
        return Answers.recorded(sender.send(CallerArgument.current(), command, trajectory(id), request));
    }

    @PostMapping("/trajectories/{id}/reviews")
    public ResponseEntity<CommandOutcome> review(@PathVariable String id, @RequestBody ReviewRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        Caller caller = CallerArgument.current();
        ReviewQa command = new ReviewQa(id, required("decision", body.decision()), required("reason", body.reason()),
                body.reviewer() == null ? caller.principal() : body.reviewer());
        return Answers.recorded(sender.send(caller, command, trajectory(id), request));
    }

    static StreamId trajectory(String id) {
        return StreamId.of(StreamId.Kind.TRAJECTORY, id);
    }
}
