package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.integrator.IntegratorContract;
import java.util.ArrayList;
import java.util.List;

class PostgresIntegratorTest extends IntegratorContract {

    private final List<PostgresDatabase> pools = new ArrayList<>();
    private String databaseName = "";

    @Override
    protected Node createNode() {
        databaseName = TestPostgres.createDatabase();
        return openNode();
    }

    /** A second pool on the same database: what another node would have. */
    @Override
    protected Node openAnotherNode() {
        return openNode();
    }

    @Override
    protected Node restart() {
        closeNodes();
        return openNode();
    }

    @Override
    protected void closeNodes() {
        pools.forEach(PostgresDatabase::close);
        pools.clear();
    }

    private Node openNode() {
        PostgresDatabase pool = TestPostgres.connect(databaseName);
        pools.add(pool);
        return new Node(PostgresEventLog.open(pool), PostgresTreeStore.open(pool));
    }
}
