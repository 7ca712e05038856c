package dev.runtape.api.commands.review;

import static dev.runtape.api.commands.Fields.required;
import static dev.runtape.api.commands.review.QaController.trajectory;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.RetractLabel;
import dev.runtape.ledger.statement.Disclosures;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Labels on a trajectory or its steps: applied, and retracted (a retracted label stays in history). */
@RestController
public class LabelController {

    private final CommandSender sender;
    private final Disclosures disclosures;

    public LabelController(CommandSender sender, Disclosures disclosures) {
        this.sender = sender;
        this.disclosures = disclosures;
    }

    @PostMapping("/trajectories/{id}/labels")
    public ResponseEntity<CommandOutcome> apply(@PathVariable String id, @RequestBody ApplyLabelRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        ApplyLabel command = new ApplyLabel(id, required("label-id", body.labelId()), body.step(),
                required("category", body.category()), required("value", body.value()),
                body.comment() == null ? null : disclosures.discloseText(body.comment()));
        return Answers.recorded(sender.send(CallerArgument.current(), command, trajectory(id), request));
    }

    @PostMapping("/trajectories/{id}/labels/{label}/retraction")
    public ResponseEntity<CommandOutcome> retract(@PathVariable String id, @PathVariable String label,
            @RequestBody RetractLabelRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        RetractLabel command = new RetractLabel(id, label, required("reason", body.reason()));
        return Answers.recorded(sender.send(CallerArgument.current(), command, trajectory(id), request));
    }
}
