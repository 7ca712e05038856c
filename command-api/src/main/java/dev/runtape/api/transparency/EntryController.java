package dev.runtape.api.transparency;

import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE;
import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE_VALUE;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.ledger.integrator.NotIntegratedException;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.StatementRejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entries of the log, in the manner of the SCITT reference API: a producer registers a statement it signed, and
 * polls the entry until its receipt can be given. An entry's id is the statement's position in the global log
 * (decimal): assigned once, when the statement is stored, and never reused, and the key the receipt is found by. Any
 * statement of the caller's tenant is an entry, however it was signed; another tenant's is answered 404.
 */
@RestController
public class EntryController {

    /** Checkpoints follow appends within about a second (runtape.checkpoints.every-interval). */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final SignedStatements statements;
    private final EventLog log;
    private final ProofService proofs;

    public EntryController(SignedStatements statements, LedgerNode node) {
        this.statements = statements;
        this.log = node.log();
        this.proofs = node.proofs();
    }

    @Operation(summary = "Register a statement its producer signed (COSE_Sign1)",
            description = "201 with the RFC 9942 receipt when a checkpoint covers the statement already, otherwise 202 "
                    + "with the entry to poll. The same statement sent again is answered the same way and stores "
                    + "nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = COSE_VALUE, schema = @Schema(type = "string", format = "binary"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "the receipt", headers = @Header(name = "Location",
                        description = "the entry"), content = @Content(mediaType = COSE_VALUE,
                        schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(responseCode = "202", description = "stored, not under a checkpoint yet", headers = {
                    @Header(name = "Location", description = "the entry to poll"),
                    @Header(name = "Retry-After", description = "seconds")})})
    @PostMapping(path = "/entries", consumes = COSE_VALUE, produces = COSE_VALUE)
    public ResponseEntity<byte[]> register(@RequestBody byte[] statement) throws StatementRejectedException {
        LogEntry entry = statements.submit(CallerArgument.current(), statement);
        return receiptOrPending(entry, HttpStatus.CREATED, true);
    }

    @Operation(summary = "An entry's receipt (RFC 9942, against the latest checkpoint)", responses = {
        @ApiResponse(responseCode = "200", description = "the receipt", content = @Content(mediaType = COSE_VALUE,
                schema = @Schema(type = "string", format = "binary"))),
        @ApiResponse(responseCode = "202", description = "not under a checkpoint yet", headers = @Header(
                name = "Retry-After", description = "seconds"))})
    @GetMapping(path = "/entries/{id}", produces = COSE_VALUE)
    public ResponseEntity<byte[]> receipt(@PathVariable String id) {
        return receiptOrPending(find(CallerArgument.current(), id), HttpStatus.OK, false);
    }

    @Operation(summary = "An entry's statement (COSE_Sign1), the bytes as stored", responses = @ApiResponse(
            responseCode = "200", description = "the statement", content = @Content(mediaType = COSE_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/entries/{id}/statement", produces = COSE_VALUE)
    public ResponseEntity<byte[]> statement(@PathVariable String id) {
        return ResponseEntity.ok().contentType(COSE).body(find(CallerArgument.current(), id).statement().bytes());
    }

    private ResponseEntity<byte[]> receiptOrPending(LogEntry entry, HttpStatus integrated, boolean locate) {
        URI location = URI.create("/entries/" + entry.position());
        try {
            byte[] receipt = proofs.receiptForPosition(entry.position()).receipt().encode();
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(integrated).contentType(COSE);
            return (locate ? answer.location(location) : answer).body(receipt);
        } catch (NotIntegratedException e) {
            return ResponseEntity.accepted().location(location).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
    }

    private LogEntry find(Caller caller, String id) {
        long position;
        try {
            position = Long.parseLong(id);
        } catch (NumberFormatException e) {
            position = 0;
        }
        List<LogEntry> found = position < 1 ? List.of() : log.readAfter(position - 1, 1);
        if (found.isEmpty() || found.getFirst().position() != position
                || !found.getFirst().tenant().equals(caller.tenant())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no entry " + id);
        }
        return found.getFirst();
    }
}
