/**
 * The SQLite adapters: {@link dev.runtape.ledger.storage.sqlite.SqliteDatabase} opens one database file (WAL
 * journal, durable commits, one serialised writer, concurrent readers), and each port's adapter builds on it.
 */
@NullMarked
package dev.runtape.ledger.storage.sqlite;

import org.jspecify.annotations.NullMarked;
