package dev.runtape.api.transparency;

import static dev.runtape.api.transparency.TransparencyMediaTypes.CBOR;
import static dev.runtape.api.transparency.TransparencyMediaTypes.CBOR_VALUE;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.ProofUnavailableException;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.ConsistencyProof;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consistency proofs, only between two signed checkpoints (decision 0008): a client trusts a newer checkpoint
 * through a proof from one it holds already.
 */
@RestController
public class ProofController {

    private final ProofService proofs;

    public ProofController(LedgerNode node) {
        this.proofs = node.proofs();
    }

    @Operation(summary = "The consistency proof from the checkpoint of size `from` to that of size `to`",
            responses = @ApiResponse(responseCode = "200", description = "the proof", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ConsistencyView.class)),
                @Content(mediaType = CBOR_VALUE, schema = @Schema(type = "string", format = "binary",
                        description = "receipt.cddl's consistency-proof: [from, to, [* hash]]"))}))
    @GetMapping(path = "/proofs/consistency", produces = {MediaType.APPLICATION_JSON_VALUE, CBOR_VALUE})
    public ResponseEntity<Object> consistency(@RequestParam long from, @RequestParam long to,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType form = Negotiation.choose(accept, MediaType.APPLICATION_JSON, CBOR);
        if (from < 1 || from > to) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "a consistency proof needs 1 <= from <= to, "
                    + "not from " + from + " and to " + to);
        }
        ConsistencyProof proof;
        try {
            proof = proofs.consistency(from, to).proof();
        } catch (ProofUnavailableException e) {
            throw new ProblemException(ProblemType.NO_SUCH_CHECKPOINT, e.getMessage());
        }
        Object body = form.equals(CBOR) ? cbor(proof) : new ConsistencyView(proof.size1(), proof.size2(),
                proof.path());
        return ResponseEntity.ok().contentType(form).body(body);
    }

    private static byte[] cbor(ConsistencyProof proof) {
        List<CborValue> hashes = new ArrayList<>(proof.path().size());
        for (Digest hash : proof.path()) {
            hashes.add(new CborByteString(hash.bytes()));
        }
        return CborArray.of(CborInteger.of(proof.size1()), CborInteger.of(proof.size2()), new CborArray(hashes))
                .encode();
    }
}
