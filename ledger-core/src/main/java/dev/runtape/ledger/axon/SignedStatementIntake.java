package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementRejectedException;
import dev.runtape.verifier.FormatException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Takes in statements producers signed themselves ({@code POST /entries}): checks the statement (format, schema, key,
 * principal, signature), turns its payload into the command that applies exactly that event, and sends it with the
 * statement attached, so the aggregate's invariants hold as for any command and the log stores the producer's bytes.
 * Where the statement sits in its stream (revision, {@code prev}) is checked on append.
 */
public final class SignedStatementIntake {

    /** How far a statement's iat may be from the ledger's clock, by default. */
    public static final Duration DEFAULT_IAT_TOLERANCE = Duration.ofMinutes(5);

    private final StatementChecker checker;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration iatTolerance;

    /** An intake with the system clock and the default tolerance for iat. */
    public SignedStatementIntake(StatementChecker checker, CommandGateway commands) {
        this(checker, commands, Clock.systemUTC(), DEFAULT_IAT_TOLERANCE);
    }

    public SignedStatementIntake(StatementChecker checker, CommandGateway commands, Clock clock,
            Duration iatTolerance) {
        if (iatTolerance.isNegative()) {
            throw new IllegalArgumentException("the iat tolerance cannot be negative: " + iatTolerance);
        }
        this.checker = checker;
        this.commands = commands;
        this.clock = clock;
        this.iatTolerance = iatTolerance;
    }

    /**
     * Checks and appends a producer's statement.
     *
     * @throws StatementRejectedException when the statement itself is refused, or its iat is too far from now
     * @throws StatementRefusedException when it does not fit its stream (wrong revision or prev)
     * @throws dev.runtape.ledger.domain.RuleViolation when its event breaks an invariant of the domain
     */
    public void submit(byte[] encoded) throws StatementRejectedException {
        Statement statement = checker.check(encoded);
        requireFresh(statement.header().iat());
        Object event;
        try {
            event = PayloadCodec.decode(statement.payload(),
                    EventCatalogue.payloadType(statement.header().eventType()).orElseThrow());
        } catch (FormatException e) {
            throw new StatementRejectedException(Rejection.SCHEMA_INVALID, "the payload does not read as a "
                    + statement.header().eventType() + ": " + e.getMessage(), e);
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(EventCommands.commandFor(event)).andMetaData(
                Map.of(LedgerMetaData.SIGNED_STATEMENT, statement.bytes().bytes(),
                        LedgerMetaData.PRINCIPAL, statement.header().iss(),
                        LedgerMetaData.TENANT, statement.header().tenant(),
                        LedgerMetaData.EVENT_ID, statement.header().eventId())));
    }

    /**
     * Key validity is judged at the statement's iat, which the producer writes; bounding iat by the ledger's own
     * clock is what stops a holder of a revoked key from backdating statements to before the revocation.
     */
    private void requireFresh(Instant iat) throws StatementRejectedException {
        Instant now = clock.instant();
        if (iat.isBefore(now.minus(iatTolerance)) || iat.isAfter(now.plus(iatTolerance))) {
            throw new StatementRejectedException(Rejection.IAT_OUT_OF_RANGE, "the statement was issued (iat) at "
                    + iat + ", the ledger's clock reads " + now + ", and at most " + iatTolerance
                    + " between them is accepted");
        }
    }
}
