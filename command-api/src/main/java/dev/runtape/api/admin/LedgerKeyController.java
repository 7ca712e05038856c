package dev.runtape.api.admin;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates the ledger's signing key: a new key, made on the server so that its private half never travels, becomes
 * the primary from now on. The old keys stay in the key set, unrevoked, so what they signed keeps verifying.
 */
@RestController
public class LedgerKeyController {

    private final LedgerNode node;
    private final SecureRandom random = new SecureRandom();

    public LedgerKeyController(LedgerNode node) {
        this.node = node;
    }

    @PostMapping("/admin/ledger-keys/rotation")
    public ResponseEntity<KeyView> rotate(@RequestBody(required = false) @Nullable RotateLedgerKeyRequest body)
            throws KeyStorageException {
        SigningKey key = generate(body == null ? null : body.algorithm());
        node.rotateLedgerKey(key, Instant.now());
        return ResponseEntity.created(URI.create("/.well-known/runtape/keys"))
                .body(KeyView.ledger(node.keys().primaryRecord()));
    }

    private SigningKey generate(@Nullable String algorithm) {
        return switch (algorithm == null ? "ed25519" : algorithm.toLowerCase(Locale.ROOT)) {
            case "ed25519", "eddsa" -> Ed25519SigningKey.generate(random);
            case "es256" -> P256SigningKey.generate(random);
            default -> throw new ProblemException(ProblemType.INVALID_REQUEST, "\"algorithm\" is ed25519 or es256, not "
                    + algorithm);
        };
    }
}
