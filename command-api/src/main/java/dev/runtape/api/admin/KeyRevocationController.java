package dev.runtape.api.admin;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revokes a key from a time on, whoever's it is: the ledger's (any but the primary) or a producer's. Ledger and
 * producer kids are thumbprints, so one kid names one key; the ledger's ring is asked first.
 */
@RestController
public class KeyRevocationController {

    private final LedgerNode node;

    public KeyRevocationController(LedgerNode node) {
        this.node = node;
    }

    @PostMapping("/admin/keys/{kid}/revocation")
    public ResponseEntity<KeyView> revoke(@PathVariable String kid,
            @RequestBody(required = false) @Nullable RevokeKeyRequest body) throws KeyFileException {
        Digest id = kid(kid);
        Instant effectiveAt = body == null || body.effectiveAt() == null ? Instant.now() : body.effectiveAt();
        if (effectiveAt.isBefore(Instant.EPOCH)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "\"effective-at\" is 1970 or later, not "
                    + effectiveAt);
        }
        if (node.keys().find(id).isPresent()) {
            if (node.keys().primaryRecord().kid().equals(id)) {
                throw new ProblemException(ProblemType.KEY_IS_PRIMARY, "the key " + id.hex() + " signs for the "
                        + "ledger now: rotate to a new key (POST /admin/ledger-keys/rotation) before revoking it",
                        Map.of("kid", id.hex()));
            }
            // The integrator keeps the key it started with until the next start: revoking it would make every
            // checkpoint and receipt it signs from then on fail to verify.
            if (signsCheckpoints(id)) {
                throw new ProblemException(ProblemType.KEY_IS_PRIMARY, "the key " + id.hex() + " still signs the "
                        + "checkpoints and receipts: restart the service after a rotation before revoking it",
                        Map.of("kid", id.hex()));
            }
            node.revokeLedgerKey(id, effectiveAt);
            return ResponseEntity.ok(KeyView.ledger(node.keys().find(id).orElseThrow()));
        }
        if (node.producers().find(id).isPresent()) {
            return ResponseEntity.ok(KeyView.producer(node.revokeProducerKey(id, effectiveAt)));
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "no ledger or producer key has kid " + id.hex());
    }

    private boolean signsCheckpoints(Digest kid) {
        return node.proofs().latestCheckpoint().flatMap(signed -> signed.message().kid())
                .map(bytes -> MessageDigest.isEqual(bytes, kid.bytes())).orElse(false);
    }

    private static Digest kid(String hex) {
        try {
            return Digest.ofHex(hex);
        } catch (FormatException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "a kid is the key's thumbprint, 64 hex digits: "
                    + e.getMessage());
        }
    }
}
