package dev.runtape.api.commands.review;

import static dev.runtape.api.commands.review.QaController.trajectory;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.commands.PolicyRequest;
import dev.runtape.ledger.domain.trajectory.SetTrajectoryPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A trajectory's policy: retention, licence, permitted uses. Each PUT records the whole policy anew. */
@RestController
public class TrajectoryPolicyController {

    private final CommandSender sender;

    public TrajectoryPolicyController(CommandSender sender) {
        this.sender = sender;
    }

    @PutMapping("/trajectories/{id}/policy")
    public ResponseEntity<CommandOutcome> set(@PathVariable String id, @RequestBody PolicyRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        SetTrajectoryPolicy command = new SetTrajectoryPolicy(id, body.retentionUntil(), body.licence(),
                body.dataUse());
        return Answers.recorded(sender.send(CallerArgument.current(), command, trajectory(id), request));
    }
}
