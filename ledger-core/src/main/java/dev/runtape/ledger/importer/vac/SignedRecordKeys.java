package dev.runtape.ledger.importer.vac;

import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.VerificationKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The keys a signed VAC record may be signed with: the importing service's registered producer keys. A record whose
 * key is not among them is refused, because an import would otherwise vouch for a signature nobody checked.
 */
@FunctionalInterface
public interface SignedRecordKeys {

    /** Knows no key: every signed record is refused, naming its kid. */
    SignedRecordKeys NONE = kid -> Optional.empty();

    /** The key with this kid that may sign now, if there is one. */
    Optional<VerificationKey> find(byte[] kid);

    /** The producer keys of {@code registry} that are valid at the time of the import: registered and not revoked. */
    static SignedRecordKeys validNow(ProducerKeyRegistry registry) {
        return kid -> {
            Digest digest;
            try {
                digest = Digest.of(kid);
            } catch (FormatException notAThumbprint) {
                return Optional.empty();
            }
            return registry.find(digest).filter(key -> key.validAt(Instant.now())).map(KeyRecord::key);
        };
    }
}
