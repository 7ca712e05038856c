package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class PostgresEventLogTest extends EventLogContract {

    private final List<PostgresDatabase> pools = new ArrayList<>();
    private String databaseName = "";

    @Override
    protected EventLog createLog() {
        databaseName = TestPostgres.createDatabase();
        return PostgresEventLog.open(connect());
    }

    /** A second pool on the same database: what another node would have. */
    @Override
    protected EventLog openAnother() {
        return PostgresEventLog.open(connect());
    }

    @Override
    protected void failInsertsOf(String eventId) throws SQLException {
        pools.getFirst().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'poisoned by the test'; END $$""");
                statement.execute("CREATE TRIGGER poison BEFORE INSERT ON event_log FOR EACH ROW "
                        + "WHEN (NEW.event_id = '" + eventId + "') EXECUTE FUNCTION poison()");
            }
            return null;
        });
    }

    @AfterEach
    void closePools() {
        pools.forEach(PostgresDatabase::close);
    }

    private PostgresDatabase connect() {
        PostgresDatabase pool = TestPostgres.connect(databaseName);
        pools.add(pool);
        return pool;
    }
}
