package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.integrator.TreeStore;
import dev.runtape.ledger.integrator.TreeStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class PostgresTreeStoreTest extends TreeStoreContract {

    private final List<PostgresDatabase> pools = new ArrayList<>();
    private String databaseName = "";

    @Override
    protected TreeStore createStore() {
        databaseName = TestPostgres.createDatabase();
        return PostgresTreeStore.open(connect());
    }

    /** A second pool on the same database: what another node would have. */
    @Override
    protected TreeStore openAnother() {
        return PostgresTreeStore.open(connect());
    }

    @Override
    protected TreeStore reopen() {
        closePools();
        return PostgresTreeStore.open(connect());
    }

    @AfterEach
    void closePools() {
        pools.forEach(PostgresDatabase::close);
        pools.clear();
    }

    private PostgresDatabase connect() {
        PostgresDatabase pool = TestPostgres.connect(databaseName);
        pools.add(pool);
        return pool;
    }
}
