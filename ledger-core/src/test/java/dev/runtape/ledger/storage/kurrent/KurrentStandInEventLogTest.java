package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole event-log contract on {@link KurrentStandIn}, a stand-in, not KurrentDB: it shows the adapter keeps the
 * port's guarantees on the protocol as the stand-in serves it. A failing insert is the stand-in refusing an append
 * (gRPC INTERNAL), and a writer holding the store is the stand-in keeping every append waiting.
 */
class KurrentStandInEventLogTest extends EventLogContract {

    private KurrentStandIn standIn;
    private KurrentLogSettings settings;

    @Override
    protected EventLog createLog() throws Exception {
        standIn = KurrentStandIn.start();
        settings = KurrentLogSettings.of(standIn.connectionString()).withNamespace("contract");
        return KurrentEventLog.open(settings);
    }

    /** Another client on the same server: what another node would have. */
    @Override
    protected EventLog openAnother() {
        return KurrentEventLog.open(settings);
    }

    @Override
    protected void failInsertsOf(String eventId) {
        standIn.failAppendsContaining("\"" + eventId + "\"");
    }

    @Override
    protected AutoCloseable holdWrites() {
        return standIn.holdAppends();
    }

    @Override
    protected Class<? extends Throwable> storeFailureType() {
        return StatusRuntimeException.class;
    }

    @AfterEach
    void stopStandIn() throws InterruptedException {
        log.close();
        standIn.close();
    }
}
