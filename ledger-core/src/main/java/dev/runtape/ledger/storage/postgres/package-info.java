/**
 * The PostgreSQL adapters: {@link dev.runtape.ledger.storage.postgres.PostgresDatabase} wraps a connection pool with
 * transaction helpers and idempotent schema creation, and each port's adapter builds on it.
 */
@NullMarked
package dev.runtape.ledger.storage.postgres;

import org.jspecify.annotations.NullMarked;
