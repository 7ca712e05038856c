package dev.runtape.ledger.axon;

import java.util.List;

/**
 * The metadata keys by which commands and events carry what a statement needs beyond the event itself. A command's
 * metadata reaches the events it causes through Axon's correlation data providers ({@link #CORRELATED}).
 */
public final class LedgerMetaData {

    /** The authenticated principal the statement speaks for: its {@code iss}. */
    public static final String PRINCIPAL = "runtape-principal";
    /** The tenant the event belongs to. */
    public static final String TENANT = "runtape-tenant";
    /** The producer's event id: the key of idempotent retries. Absent: Axon's message identifier. */
    public static final String EVENT_ID = "runtape-event-id";
    /** A statement the producer signed itself (encoded COSE_Sign1), stored as it is instead of signing anew. */
    public static final String SIGNED_STATEMENT = "runtape-signed-statement";
    /**
     * On commands: the revision the caller last saw of the stream the command goes to (HTTP {@code If-Match}). The
     * command is refused with a {@link org.axonframework.modelling.command.ConflictingAggregateVersionException} when
     * the stream has moved on. Not handed on to events.
     */
    public static final String EXPECTED_REVISION = "runtape-expected-revision";
    /** On events read back: the global position in the log. */
    public static final String POSITION = "runtape-position";

    /** The keys a command hands on to the events it causes. */
    public static final List<String> CORRELATED = List.of(PRINCIPAL, TENANT, EVENT_ID, SIGNED_STATEMENT);

    private LedgerMetaData() {
    }
}
