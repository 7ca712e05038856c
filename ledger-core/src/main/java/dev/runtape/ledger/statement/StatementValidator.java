package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.ValidationResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks statements and payloads against Runtape's CDDL (RuntapeSchemas). The ledger's append path calls
 * {@link #checkPayload} before it signs, since {@link StatementSigner} does not validate; {@link StatementChecker}
 * calls both on what producers signed.
 */
public final class StatementValidator {

    private static final Set<String> EVENT_TYPES = Set.copyOf(RuntapeSchemas.EVENT_TYPES);

    private StatementValidator() {
    }

    /**
     * Checks a payload against the rule named by its event type.
     *
     * @throws StatementRejectedException {@link Rejection#SCHEMA_INVALID}, listing each failure with its path
     */
    public static void checkPayload(String eventType, CborValue payload) throws StatementRejectedException {
        if (!EVENT_TYPES.contains(eventType)) {
            throw new StatementRejectedException(Rejection.SCHEMA_INVALID, "unknown event type \"" + eventType
                    + "\" (expected one of " + RuntapeSchemas.EVENT_TYPES + ")");
        }
        check(eventType, payload, "payload of " + eventType);
    }

    /**
     * Checks a whole statement (the decoded COSE_Sign1 under tag 18) against the rule {@code statement}: header
     * parameters, signature length, and that the payload is some event's payload.
     *
     * @throws StatementRejectedException {@link Rejection#SCHEMA_INVALID}, listing each failure with its path
     */
    public static void checkStatement(CborValue statement) throws StatementRejectedException {
        List<Failure> failures = statementFailures(statement);
        if (!failures.isEmpty()) {
            throw rejection("statement", failures);
        }
    }

    static List<Failure> statementFailures(CborValue statement) {
        return RuntapeSchemas.validator(RuntapeSchemas.STATEMENT).validate(statement).failures();
    }

    static StatementRejectedException rejection(String what, List<Failure> failures) {
        return new StatementRejectedException(Rejection.SCHEMA_INVALID, what + " does not match its schema: "
                + failures.stream().map(Failure::toString).collect(Collectors.joining("; ")));
    }

    private static void check(String rule, CborValue instance, String what) throws StatementRejectedException {
        ValidationResult result = RuntapeSchemas.validator(rule).validate(instance);
        if (!result.isValid()) {
            throw rejection(what, result.failures());
        }
    }
}
