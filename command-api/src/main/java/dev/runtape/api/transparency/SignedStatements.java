package dev.runtape.api.transparency;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.axon.SignedStatementIntake;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementHeader;
import dev.runtape.ledger.statement.StatementRejectedException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes in a statement its producer signed, for that producer: the statement must be genuine (the ledger's
 * {@link StatementChecker}), speak for the caller (its {@code iss}) in the caller's tenant, and name only streams of
 * that tenant. The same bytes sent again are answered with the stored entry and append nothing, however late the
 * retry; other bytes under a stored event id are a conflict.
 */
@Component
public class SignedStatements {

    private final StatementChecker checker;
    private final SignedStatementIntake intake;
    private final EventLog log;
    private final TenantGuard tenants;
    private final long maxBytes;

    public SignedStatements(LedgerNode node, TenantGuard tenants, RuntapeProperties properties) {
        this.checker = new StatementChecker(node.producers());
        this.intake = new SignedStatementIntake(checker, node.commands());
        this.log = node.log();
        this.tenants = tenants;
        this.maxBytes = properties.limits().body().toBytes();
    }

    /** The log's entry for {@code encoded}, appended now or stored before. */
    public LogEntry submit(Caller caller, byte[] encoded) throws StatementRejectedException {
        if (encoded.length > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "a statement has at most " + maxBytes
                    + " bytes, this one " + encoded.length);
        }
        // Checked before anything it says is believed: who it speaks for, its tenant and streams.
        Statement statement = checker.check(encoded);
        StatementHeader header = statement.header();
        if (!header.iss().equals(caller.principal())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the statement speaks for \"" + header.iss()
                    + "\" (iss); a producer submits its own statements, and the caller is \"" + caller.principal()
                    + "\"");
        }
        if (!header.tenant().equals(caller.tenant())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the statement belongs to tenant \""
                    + header.tenant() + "\", the caller to \"" + caller.tenant() + "\"");
        }
        tenants.check(caller, header.sub());
        tenants.check(caller, StatementReferences.of(statement));
        Optional<LogEntry> stored = log.findByEventId(header.eventId());
        if (stored.isEmpty()) {
            intake.submit(encoded);
            stored = log.findByEventId(header.eventId());
        }
        LogEntry entry = stored.orElseThrow(() -> new IllegalStateException(
                "the statement was taken in but no entry has its event id " + header.eventId()));
        if (!Arrays.equals(entry.statement().bytes(), encoded)) {
            throw new ProblemException(ProblemType.EVENT_ID_CONFLICT, "the event id \"" + header.eventId()
                    + "\" is stored already, with another statement", Map.of("event-id", header.eventId()));
        }
        return entry;
    }
}
