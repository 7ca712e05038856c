package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The event-log contract against a real KurrentDB server, reached through {@code KURRENTDB_CONNECTION_STRING} (say
 * {@code kurrentdb://localhost:2113?tls=false}); skipped, with a message naming the variable, when it is not set. Each
 * test uses a namespace of its own on the server, so runs never see each other's streams.
 *
 * <p>Two hooks of the contract cannot be had from outside a real server, and the tests that need them are skipped
 * here, by name of the hook: making the store fail one insert, and holding every write as another writer's long
 * transaction would. {@link KurrentStandInEventLogTest} runs them on the stand-in.
 */
class KurrentEventLogTest extends EventLogContract {

    static final String VARIABLE = "KURRENTDB_CONNECTION_STRING";

    private KurrentLogSettings settings;

    /** Skips the test, naming the variable, when no server is configured: the contract opens a log before each. */
    @Override
    protected EventLog createLog() {
        Assumptions.assumeTrue(System.getenv(VARIABLE) != null && !System.getenv(VARIABLE).isBlank(),
                VARIABLE + " is not set: no KurrentDB server to run the event-log contract against");
        String namespace = "contract-" + UUID.randomUUID().toString().substring(0, 13);
        settings = KurrentLogSettings.of(System.getenv(VARIABLE)).withNamespace(namespace);
        return KurrentEventLog.open(settings);
    }

    @Override
    protected EventLog openAnother() {
        return KurrentEventLog.open(settings);
    }

    @Override
    protected void failInsertsOf(String eventId) {
        Assumptions.abort("failInsertsOf: a real KurrentDB cannot be made to refuse one event from outside; "
                + "KurrentStandInEventLogTest runs this test on the stand-in");
    }

    @Override
    protected AutoCloseable holdWrites() {
        Assumptions.abort("holdWrites: a real KurrentDB has no transaction another writer could hold open; "
                + "KurrentStandInEventLogTest runs this test on the stand-in");
        throw new AssertionError("unreachable");
    }
}
