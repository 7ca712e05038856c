package dev.runtape.ledger.bench;

import java.util.List;

/**
 * The stock Axon engine's tables in SQLite. Axon's table factories write {@code AUTO_INCREMENT} and types SQLite
 * does not take, so the same columns are declared here in SQLite's terms (an INTEGER PRIMARY KEY is its row id).
 */
final class AxonJdbcTables {

    static final List<String> SQLITE = List.of("""
            CREATE TABLE IF NOT EXISTS DomainEventEntry (
              globalIndex INTEGER PRIMARY KEY AUTOINCREMENT,
              aggregateIdentifier VARCHAR(255) NOT NULL,
              sequenceNumber BIGINT NOT NULL,
              type VARCHAR(255),
              eventIdentifier VARCHAR(255) NOT NULL UNIQUE,
              metaData BLOB,
              payload BLOB NOT NULL,
              payloadRevision VARCHAR(255),
              payloadType VARCHAR(255) NOT NULL,
              timeStamp VARCHAR(255) NOT NULL,
              UNIQUE (aggregateIdentifier, sequenceNumber))""", """
            CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
              aggregateIdentifier VARCHAR(255) NOT NULL,
              sequenceNumber BIGINT NOT NULL,
              type VARCHAR(255) NOT NULL,
              eventIdentifier VARCHAR(255) NOT NULL UNIQUE,
              metaData BLOB,
              payload BLOB NOT NULL,
              payloadRevision VARCHAR(255),
              payloadType VARCHAR(255) NOT NULL,
              timeStamp VARCHAR(255) NOT NULL,
              PRIMARY KEY (aggregateIdentifier, sequenceNumber))""");

    private AxonJdbcTables() {
    }
}
