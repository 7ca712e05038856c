/**
 * {@code runtape bench append}: durable signed appends of the ledger's engine against Axon's stock JDBC engine, on
 * SQLite and PostgreSQL, at several batch sizes, in one run. A benchmark, never a test: no figure is asserted.
 */
@NullMarked
package dev.runtape.ledger.bench;

import org.jspecify.annotations.NullMarked;
