package dev.runtape.api.transparency;

import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE;
import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE_VALUE;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.node.LedgerNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The log's latest signed checkpoint: the tree size and root every receipt is given against. */
@RestController
public class CheckpointController {

    private final ProofService proofs;

    public CheckpointController(LedgerNode node) {
        this.proofs = node.proofs();
    }

    @Operation(summary = "The latest signed checkpoint: the COSE_Sign1 (the default), or a JSON view of it",
            responses = @ApiResponse(responseCode = "200", description = "the checkpoint", content = {
                @Content(mediaType = COSE_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = CheckpointView.class))}))
    @GetMapping(path = "/checkpoints/latest", produces = {COSE_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Object> latest(@RequestHeader(name = HttpHeaders.ACCEPT, required = false)
            @Nullable String accept) {
        MediaType form = Negotiation.choose(accept, COSE, MediaType.APPLICATION_JSON);
        SignedCheckpoint latest = proofs.latestCheckpoint().orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "the log has no checkpoint yet: the first is signed once it has a statement"));
        Object body = form.equals(COSE) ? latest.encode() : CheckpointView.of(latest);
        return ResponseEntity.ok().contentType(form).body(body);
    }
}
