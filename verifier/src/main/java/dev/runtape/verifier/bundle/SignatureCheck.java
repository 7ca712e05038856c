package dev.runtape.verifier.bundle;

import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.ValidationResult;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import dev.runtape.verifier.keys.VerificationKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one statement that need no other statement, and so run on every core: its schema, and its signature
 * by a key of the bundle's key set that was valid at its {@code iat} and may speak for its {@code iss} (a producer
 * key for its own principal only, a ledger key for any). Thread-safe.
 */
final class SignatureCheck {

    private final BundleKeys keys;

    SignatureCheck(BundleKeys keys) {
        this.keys = keys;
    }

    /** Why the statement does not match statement.cddl and its event's rule, or empty when it does. */
    static Optional<String> schemaProblem(StatementFacts statement) {
        ValidationResult result = RuntapeSchemas.validator(RuntapeSchemas.STATEMENT).validate(statement.decoded());
        if (result.isValid() && RuntapeSchemas.EVENT_TYPES.contains(statement.eventType())) {
            // The rule statement accepts any event's payload; the header's event type names the one it must be.
            result = RuntapeSchemas.validator(statement.eventType()).validate(statement.payload());
            if (!result.isValid()) {
                return Optional.of("the payload is not a valid " + statement.eventType() + ": " + describe(result.failures()));
            }
        }
        return result.isValid() ? Optional.empty() : Optional.of("not a valid statement: " + describe(result.failures()));
    }

    /**
     * A statement's signature, once the key may make it: what it signs, by which key.
     *
     * @param toBeSigned the statement's Sig_structure
     */
    record Admitted(VerificationKey key, SignatureAlgorithm algorithm, byte[] toBeSigned, byte[] signature) {

        /** Verifies the signature alone. */
        void verify() throws VerificationException {
            key.verify(algorithm, toBeSigned, signature);
        }
    }

    /**
     * Verifies the statement's signature and the key's right to make it.
     *
     * @throws VerificationException naming the key and what is wrong with it, or saying "invalid signature"
     */
    void verify(StatementFacts statement) throws VerificationException {
        admit(statement).verify();
    }

    /**
     * Checks the key's right to make the statement's signature, and what the header demands, leaving the signature
     * to the caller.
     *
     * @throws VerificationException naming the key and what is wrong with it
     */
    Admitted admit(StatementFacts statement) throws VerificationException {
        TimedKey key = keys.find(statement.kid()).orElseThrow(() -> new VerificationException(
                "unknown key: kid " + HexFormat.of().formatHex(statement.kid()) + " is not in the bundle's key set"));
        if (key.principal().isPresent() && !key.principal().get().equals(statement.issuer())) {
            throw new VerificationException("key " + key.key().thumbprint().hex() + " belongs to \""
                    + key.principal().get() + "\", the statement speaks for (iss) \"" + statement.issuer() + "\"");
        }
        Optional<String> invalid = key.whyNotValidAt(statement.issuedAt());
        if (invalid.isPresent()) {
            throw new VerificationException(invalid.get() + " (iat)");
        }
        SignatureAlgorithm algorithm;
        try {
            algorithm = statement.message().algorithm();
        } catch (FormatException e) {
            throw new VerificationException(e.getMessage(), e);
        }
        if (!key.key().curve().accepts(algorithm)) {
            throw new VerificationException("the header names alg " + algorithm + ", key "
                    + key.key().thumbprint().hex() + " is a " + key.key().curve() + " key");
        }
        return new Admitted(key.key(), algorithm,
                Sign1Verifier.toBeSigned(statement.message(), new byte[0], Optional.empty()),
                statement.message().signature());
    }

    private static String describe(List<Failure> failures) {
        return String.join("; ", failures.stream().limit(3).map(Failure::toString).toList())
                + (failures.size() > 3 ? "; and " + (failures.size() - 3) + " more" : "");
    }
}
