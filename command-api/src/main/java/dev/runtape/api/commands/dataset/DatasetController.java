package dev.runtape.api.commands.dataset;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.commands.PolicyRequest;
import dev.runtape.ledger.domain.dataset.AdmitTrajectory;
import dev.runtape.ledger.domain.dataset.AssignSplit;
import dev.runtape.ledger.domain.dataset.DefineDataset;
import dev.runtape.ledger.domain.dataset.SetDatasetPolicy;
import dev.runtape.ledger.log.StreamId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Dataset versions: definition, the trajectories admitted and their splits, and the dataset's policy. */
@RestController
public class DatasetController {

    private final CommandSender sender;

    public DatasetController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/datasets")
    public ResponseEntity<CommandOutcome> define(@RequestBody DefineDatasetRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        String datasetId = required("dataset-id", body.datasetId());
        DefineDataset command = new DefineDataset(datasetId, required("name", body.name()),
                required("version", body.version()), body.purpose(), body.description());
        return Answers.created(sender.send(CallerArgument.current(), command, dataset(datasetId),
                CommandSender.Request.of(body.eventId(), idempotencyKey, null)));
    }

    @PostMapping("/datasets/{id}/admissions")
    public ResponseEntity<CommandOutcome> admit(@PathVariable String id, @RequestBody AdmitTrajectoryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        String trajectoryId = required("trajectory-id", body.trajectoryId());
        return Answers.recorded(sender.send(CallerArgument.current(),
                new AdmitTrajectory(id, trajectoryId, body.split()), dataset(id), request,
                StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId)));
    }

    @PostMapping("/datasets/{id}/splits")
    public ResponseEntity<CommandOutcome> assignSplit(@PathVariable String id, @RequestBody AssignSplitRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        AssignSplit command = new AssignSplit(id, required("trajectory-id", body.trajectoryId()),
                required("split", body.split()));
        return Answers.recorded(sender.send(CallerArgument.current(), command, dataset(id), request));
    }

    @PutMapping("/datasets/{id}/policy")
    public ResponseEntity<CommandOutcome> setPolicy(@PathVariable String id, @RequestBody PolicyRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        SetDatasetPolicy command = new SetDatasetPolicy(id, body.retentionUntil(), body.licence(), body.dataUse());
        return Answers.recorded(sender.send(CallerArgument.current(), command, dataset(id), request));
    }

    static StreamId dataset(String id) {
        return StreamId.of(StreamId.Kind.DATASET, id);
    }
}
