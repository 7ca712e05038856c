package dev.runtape.api.transparency;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.VerificationKey;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers producers' keys (admin only, by the security table), so that producers can sign their own statements.
 * The registry is the ledger's, not a tenant's: a key counts only for statements its principal submits with its own
 * credentials, in its own tenant ({@link SignedStatements}).
 */
@RestController
public class ProducerKeyController {

    private final LedgerNode node;

    public ProducerKeyController(LedgerNode node) {
        this.node = node;
    }

    @PostMapping("/admin/producer-keys")
    public ResponseEntity<ProducerKeyView> register(@RequestBody RegisterProducerKeyRequest body)
            throws KeyStorageException {
        String principal = required("principal", body.principal());
        VerificationKey key = key(body);
        // A key registered on another node of the ledger a moment ago is a duplicate here too.
        node.refreshSharedState();
        if (node.producers().find(key.thumbprint()).isPresent()) {
            throw new ProblemException(ProblemType.KEY_ALREADY_REGISTERED, "the key " + key.thumbprint().hex()
                    + " is registered already", Map.of("kid", key.thumbprint().hex()));
        }
        KeyRecord record = node.registerProducerKey(principal, key,
                body.validFrom() == null ? Instant.now() : body.validFrom());
        return ResponseEntity.created(URI.create("/.well-known/runtape/producer-keys"))
                .body(ProducerKeyView.of(record));
    }

    private static VerificationKey key(RegisterProducerKeyRequest body) {
        if ((body.jwk() == null) == (body.coseKey() == null)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "give the key as \"jwk\" or as \"cose-key\"");
        }
        try {
            return body.jwk() != null ? JwkCodec.decode(body.jwk()) : CoseKeyCodec.decode(body.coseKey());
        } catch (FormatException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
    }
}
