package dev.runtape.verifier.bundle;

import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.ed25519.Ed25519Batch;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signatures of one worker's batch of statements. Ed25519 signatures are verified together
 * ({@link Ed25519Batch}), in a fraction of the time they take one by one; when the batch fails, each of them is
 * verified alone, so that the findings name the statements whose signatures are invalid. Other signatures are
 * verified as they come. Not thread-safe: one per batch.
 */
final class SignatureBatch {

    private record Pending(long number, StatementFacts statement, SignatureCheck.Admitted signature) {
    }

    private final Findings findings;
    private final Ed25519Batch together = new Ed25519Batch();
    private final List<Pending> pending = new ArrayList<>();

    SignatureBatch(Findings findings) {
        this.findings = findings;
    }

    /** Takes the admitted signature of statement {@code number}, verifying it now unless it can wait for the rest. */
    void add(long number, StatementFacts statement, SignatureCheck.Admitted signature) {
        Optional<Ed25519Batch.PublicKey> key = signature.key() instanceof EdDsaVerificationKey eddsa
                ? eddsa.batchKey() : Optional.empty();
        if (key.isPresent()) {
            together.add(key.get(), signature.toBeSigned(), signature.signature());
            pending.add(new Pending(number, statement, signature));
        } else {
            alone(number, statement, signature);
        }
    }

    /** Verifies the signatures that waited, reporting each. */
    void finish() {
        if (pending.isEmpty()) {
            return;
        }
        if (together.verify()) {
            pending.forEach(p -> findings.passed(Check.SIGNATURE));
        } else {
            pending.forEach(p -> alone(p.number(), p.statement(), p.signature()));
        }
        pending.clear();
    }

    private void alone(long number, StatementFacts statement, SignatureCheck.Admitted signature) {
        try {
            signature.verify();
            findings.passed(Check.SIGNATURE);
        } catch (VerificationException e) {
            findings.failed(Check.SIGNATURE, EntryChecks.item(number, statement), e.getMessage());
        } catch (RuntimeException e) {
            findings.failed(Check.SIGNATURE, EntryChecks.item(number, statement), "internal error: " + e);
        }
    }
}
