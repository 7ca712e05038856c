package dev.runtape.api.commands.operator;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.domain.operator.QualifyOperator;
import dev.runtape.ledger.log.StreamId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Operators: the people behind human trajectories, known to the ledger only by pseudonym. */
@RestController
public class OperatorController {

    private final CommandSender sender;

    public OperatorController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/operators")
    public ResponseEntity<CommandOutcome> enrol(@RequestBody EnrolOperatorRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        String operatorId = required("operator-id", body.operatorId());
        return Answers.created(sender.send(CallerArgument.current(), new EnrolOperator(operatorId, body.cohort()),
                operator(operatorId), CommandSender.Request.of(body.eventId(), idempotencyKey, null)));
    }

    @PostMapping("/operators/{id}/qualifications")
    public ResponseEntity<CommandOutcome> qualify(@PathVariable String id, @RequestBody QualifyOperatorRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        QualifyOperator command = new QualifyOperator(id, required("qualification", body.qualification()),
                body.level(), body.validUntil());
        return Answers.recorded(sender.send(CallerArgument.current(), command, operator(id),
                CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch)));
    }

    private static StreamId operator(String id) {
        return StreamId.of(StreamId.Kind.OPERATOR, id);
    }
}
