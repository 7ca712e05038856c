package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementRejectedException;
import dev.runtape.verifier.FormatException;
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

    private final StatementChecker checker;
    private final CommandGateway commands;

    public SignedStatementIntake(StatementChecker checker, CommandGateway commands) {
        this.checker = checker;
        this.commands = commands;
    }

    /**
     * Checks and appends a producer's statement.
     *
     * @throws StatementRejectedException when the statement itself is refused
     * @throws StatementRefusedException when it does not fit its stream (wrong revision or prev)
     * @throws dev.runtape.ledger.domain.RuleViolation when its event breaks an invariant of the domain
     */
    public void submit(byte[] encoded) throws StatementRejectedException {
        Statement statement = checker.check(encoded);
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

}
