package dev.runtape.api.transparency;

import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE_KEY_SET;
import static dev.runtape.api.transparency.TransparencyMediaTypes.COSE_KEY_SET_VALUE;
import static dev.runtape.api.transparency.TransparencyMediaTypes.JWK_SET;
import static dev.runtape.api.transparency.TransparencyMediaTypes.JWK_SET_VALUE;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetCodec;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.node.LedgerNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys, without credentials, as keys.cddl's COSE_KeySet (the default) or as a JWK Set: each key with its
 * RFC 9679 thumbprint as kid, valid-from, revoked-at, and its principal for producers' keys. The ledger's keys and
 * the producers' are served apart, never in one set, so that a client verifying checkpoints and receipts with a set
 * cannot be led to accept a producer's key as the log's.
 */
@RestController
public class KeySetController {

    private final LedgerKeyRing ledger;
    private final ProducerKeyRegistry producers;

    public KeySetController(LedgerNode node) {
        this.ledger = node.keys();
        this.producers = node.producers();
    }

    @Operation(summary = "The ledger's keys: what verifies checkpoints, receipts and the statements it signed",
            security = {}, responses = @ApiResponse(responseCode = "200", description = "the key set", content = {
                @Content(mediaType = COSE_KEY_SET_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = JWK_SET_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))}))
    @GetMapping(path = "/.well-known/runtape/keys", produces = {COSE_KEY_SET_VALUE, JWK_SET_VALUE,
        MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Object> ledgerKeys(@RequestHeader(name = HttpHeaders.ACCEPT, required = false)
            @Nullable String accept) {
        return keySet(ledger.records(), accept);
    }

    @Operation(summary = "The producers' registered keys: what verifies the statements producers signed",
            security = {}, responses = @ApiResponse(responseCode = "200", description = "the key set", content = {
                @Content(mediaType = COSE_KEY_SET_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = JWK_SET_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))}))
    @GetMapping(path = "/.well-known/runtape/producer-keys", produces = {COSE_KEY_SET_VALUE, JWK_SET_VALUE,
        MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Object> producerKeys(@RequestHeader(name = HttpHeaders.ACCEPT, required = false)
            @Nullable String accept) {
        return keySet(producers.records(), accept);
    }

    @Operation(summary = "The ledger's keys as a JWK Set, where JOSE clients look for them", security = {},
            responses = @ApiResponse(responseCode = "200", description = "the JWK Set", content = @Content(
                    mediaType = JWK_SET_VALUE, schema = @Schema(type = "object"))))
    @GetMapping(path = "/.well-known/jwks.json", produces = {JWK_SET_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<Object> jwks(@RequestHeader(name = HttpHeaders.ACCEPT, required = false)
            @Nullable String accept) {
        MediaType form = Negotiation.choose(accept, JWK_SET, MediaType.APPLICATION_JSON);
        return ResponseEntity.ok().contentType(form).body(KeySetCodec.toJwkSet(ledger.records()));
    }

    private static ResponseEntity<Object> keySet(List<KeyRecord> records, @Nullable String accept) {
        MediaType form = Negotiation.choose(accept, COSE_KEY_SET, JWK_SET, MediaType.APPLICATION_JSON);
        if (!form.equals(COSE_KEY_SET)) {
            return ResponseEntity.ok().contentType(form).body(KeySetCodec.toJwkSet(records));
        }
        // A COSE_KeySet holds at least one key (RFC 9052); a JWK Set may be empty.
        if (records.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no key is registered yet, and a COSE_KeySet "
                    + "cannot be empty; the JWK Set form (Accept: " + JWK_SET_VALUE + ") is empty");
        }
        return ResponseEntity.ok().contentType(form).body(KeySetCodec.encode(records));
    }
}
