package dev.runtape.api.admin;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            @RequestBody(required = false) @Nullable RevokeKeyRequest body) throws KeyStorageException {
        Digest id = kid(kid);
        Instant effectiveAt = body == null || body.effectiveAt() == null ? Instant.now() : body.effectiveAt();
        if (effectiveAt.isBefore(Instant.EPOCH)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "\"effective-at\" is 1970 or later, not "
                    + effectiveAt);
        }
        // A key rotated in or registered on another node a moment ago is known here too.
        node.refreshSharedState();
        if (node.keys().find(id).isPresent()) {
            if (node.keys().primaryRecord().kid().equals(id)) {
                throw new ProblemException(ProblemType.KEY_IS_PRIMARY, "the key " + id.hex() + " signs for the "
                        + "ledger now: rotate to a new key (POST /admin/ledger-keys/rotation) before revoking it",
                        Map.of("kid", id.hex()));
            }
            // Other nodes of the ledger take on a rotation at their next refresh, and sign with the key it replaced
            // until then: revoking it sooner would make what they sign in between fail to verify.
            Optional<Instant> safe = safeToRevokeFrom(id);
            if (safe.isPresent() && effectiveAt.isBefore(safe.get())) {
                throw new ProblemException(ProblemType.KEY_IS_PRIMARY, "the key " + id.hex() + " was the primary "
                        + "until " + successorFrom(id).orElseThrow() + " and other nodes may still sign with it: "
                        + "revoke it from " + safe.get() + " on", Map.of("kid", id.hex()));
            }
            node.revokeLedgerKey(id, effectiveAt);
            return ResponseEntity.ok(KeyView.ledger(node.keys().find(id).orElseThrow()));
        }
        if (node.producers().find(id).isPresent()) {
            return ResponseEntity.ok(KeyView.producer(node.revokeProducerKey(id, effectiveAt)));
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "no ledger or producer key has kid " + id.hex());
    }

    /** When every node has taken on the rotation that replaced {@code kid}; empty for a node on its own. */
    private Optional<Instant> safeToRevokeFrom(Digest kid) {
        return node.settings().clusterSettings().flatMap(cluster ->
                successorFrom(kid).map(from -> from.plus(cluster.refreshEvery()).plusSeconds(1)));
    }

    /** When the key that replaced {@code kid} as the primary became valid, if one did. */
    private Optional<Instant> successorFrom(Digest kid) {
        List<KeyRecord> records = node.keys().records();
        int index = records.indexOf(node.keys().find(kid).orElseThrow());
        return records.subList(index + 1, records.size()).stream().map(KeyRecord::validFrom).findFirst();
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
