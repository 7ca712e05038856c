package dev.runtape.api.commands;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.axon.TimeOrderedIdentifiers;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of a caller: keeps it inside the caller's tenant, checks {@code If-Match}, gives it the
 * metadata its statements need (principal, tenant, event id) and answers where its statement was stored. A command
 * retried with the same event id is answered from the log, with what it recorded the first time.
 */
@Component
public class CommandSender {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final CommandGateway commands;
    private final EventLog log;
    private final TenantGuard tenants;
    private final SameContent sameContent;

    public CommandSender(LedgerNode node, TenantGuard tenants) {
        this.commands = node.commands();
        this.log = node.log();
        this.tenants = tenants;
        this.sameContent = new SameContent(node.disclosures());
    }

    /**
     * Sends {@code command}, which goes to {@code target} and may name {@code references} (streams that must be the
     * caller's tenant's if they exist).
     */
    public CommandOutcome send(Caller caller, Object command, StreamId target, Request request,
            StreamId... references) {
        tenants.check(caller, target);
        tenants.check(caller, references);
        String eventId = request.eventId().orElseGet(TimeOrderedIdentifiers::next);
        Optional<LogEntry> earlier = request.eventId().flatMap(log::findByEventId);
        if (earlier.isPresent() && earlier.get().stream().equals(target)) {
            requireSameContent(earlier.get(), command);
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(LedgerMetaData.PRINCIPAL, caller.principal());
        metadata.put(LedgerMetaData.TENANT, caller.tenant());
        metadata.put(LedgerMetaData.EVENT_ID, eventId);
        OptionalLong expected = request.expectedRevision();
        if (expected.isPresent() && earlier.isEmpty()) {
            long current = log.head(target).map(StreamHead::revision).orElse(-1L);
            if (current != expected.getAsLong()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "the stream " + target
                        + " is at revision " + current + ", not " + expected.getAsLong(), Map.of("revision", current));
            }
            metadata.put(LedgerMetaData.EXPECTED_REVISION, expected.getAsLong());
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        LogEntry stored = log.findByEventId(eventId).orElseThrow(() -> new IllegalStateException(
                "the command was handled but no statement has the event id " + eventId));
        return new CommandOutcome(stored.stream().value(), eventId, stored.revision(), stored.position());
    }

    /** A retry must ask for what its event id recorded: the same id for other content is a conflict, not a retry. */
    private void requireSameContent(LogEntry earlier, Object command) {
        boolean same;
        try {
            same = sameContent.matches(Statement.read(earlier.statement()).payload(), PayloadCodec.encode(command));
        } catch (FormatException e) {
            throw new IllegalStateException("the stored statement at position " + earlier.position()
                    + " cannot be read: " + e.getMessage(), e);
        } catch (ContentStoreException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the content store cannot be read to compare a "
                    + "retry with its first request: " + e.getMessage());
        }
        if (!same) {
            throw new ProblemException(ProblemType.EVENT_ID_CONFLICT, "the event id " + earlier.eventId()
                    + " already recorded a " + earlier.eventType() + " with other content in " + earlier.stream()
                    + "; a retry repeats its request exactly, and new content takes a new event id",
                    Map.of("event-id", earlier.eventId()));
        }
    }

    /**
     * What the HTTP request adds to a command: the event id (from the body's {@code event-id} or the
     * {@code Idempotency-Key} header) and the revision {@code If-Match} expects.
     */
    public record Request(Optional<String> eventId, OptionalLong expectedRevision) {

        /** Reads and checks the request's event id and expected revision. */
        public static Request of(@Nullable String bodyEventId, @Nullable String idempotencyKey,
                @Nullable String ifMatch) {
            if (bodyEventId != null && idempotencyKey != null && !bodyEventId.equals(idempotencyKey)) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "the body's event-id \"" + bodyEventId
                        + "\" and the Idempotency-Key header \"" + idempotencyKey + "\" differ; send one of them");
            }
            String eventId = bodyEventId != null ? bodyEventId : idempotencyKey;
            if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "an event id is 1 to 128 letters, digits "
                        + "and . _ : -, starting with a letter or digit: \"" + eventId + "\"");
            }
            return new Request(Optional.ofNullable(eventId), Revisions.ifMatch(ifMatch));
        }
    }
}
