package dev.runtape.api.commands.dataset;

import static dev.runtape.api.commands.Fields.required;
import static dev.runtape.api.commands.dataset.DatasetController.dataset;

import dev.runtape.api.commands.Answers;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.ledger.domain.dataset.DeliverExport;
import dev.runtape.ledger.domain.dataset.SealExport;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.node.LedgerNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of a dataset version: sealed (after which the dataset takes no more admissions) against a checkpoint the
 * ledger signed, and delivered to their recipient.
 */
@RestController
public class ExportController {

    private final CommandSender sender;
    private final ProofService proofs;
    private final Clock clock = Clock.systemUTC();

    public ExportController(CommandSender sender, LedgerNode node) {
        this.sender = sender;
        this.proofs = node.proofs();
    }

    @PostMapping("/datasets/{id}/exports")
    public ResponseEntity<CommandOutcome> seal(@PathVariable String id, @RequestBody SealExportRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        SealExport command = new SealExport(id, required("export-id", body.exportId()),
                required("manifest-digest", body.manifestDigest()), signed(body.checkpoint()),
                required("recipient", body.recipient()), body.purpose());
        return Answers.recorded(sender.send(CallerArgument.current(), command, dataset(id), request));
    }

    @PostMapping("/datasets/{id}/exports/{export}/delivery")
    public ResponseEntity<CommandOutcome> deliver(@PathVariable String id, @PathVariable String export,
            @RequestBody DeliverExportRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        Instant delivered = body.delivered() == null ? clock.instant() : body.delivered();
        DeliverExport command = new DeliverExport(id, export, required("recipient", body.recipient()), delivered,
                body.channel());
        return Answers.recorded(sender.send(CallerArgument.current(), command, dataset(id), request));
    }

    /** The checkpoint named, if the ledger signed one of that size and root; the latest when none is named. */
    private CheckpointRef signed(@Nullable CheckpointRef named) {
        if (named == null) {
            SignedCheckpoint latest = proofs.latestCheckpoint().orElseThrow(() -> new ProblemException(
                    ProblemType.INVALID_REQUEST, "the ledger has signed no checkpoint yet to seal the export against; "
                            + "try again in a moment"));
            return new CheckpointRef(latest.treeSize(), latest.root());
        }
        boolean signed = proofs.checkpoint(named.treeSize())
                .map(checkpoint -> checkpoint.root().equals(named.rootHash())).orElse(false);
        if (!signed) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the ledger signed no checkpoint of tree size "
                    + named.treeSize() + " with root " + named.rootHash().hex(),
                    Map.of("tree-size", named.treeSize()));
        }
        return named;
    }
}
