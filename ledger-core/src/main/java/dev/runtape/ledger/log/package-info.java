/**
 * The event log port: the append-only, per-stream chained store of signed statements that everything else in
 * Runtape is built from.
 *
 * <p>The contract lives here ({@link dev.runtape.ledger.log.EventLog} and its values); each storage technology is an
 * adapter in its own package ({@code dev.runtape.ledger.storage.sqlite}, {@code dev.runtape.ledger.storage.postgres}),
 * and every adapter passes the same contract test suite. The log stores statements as opaque signed bytes plus the
 * few header fields it indexes; building, signing and checking statements happens above it.
 */
@NullMarked
package dev.runtape.ledger.log;

import org.jspecify.annotations.NullMarked;
