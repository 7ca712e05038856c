/** Moving a ledger's log from one store to another, and proving the copy against the log's checkpoints. */
@NullMarked
package dev.runtape.ledger.migrate;

import org.jspecify.annotations.NullMarked;
