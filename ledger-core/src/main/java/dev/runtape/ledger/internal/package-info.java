/**
 * Implementation detail shared by the ledger's packages and not part of any port: writing files so that a crash
 * leaves either the old file or the new one, never a part of one; and combining concurrent requests into one commit
 * (group commit), which the event log's adapters use so that many appends share one durable write; and the waiting
 * of readers for the log to grow, the same whatever the store.
 */
@NullMarked
package dev.runtape.ledger.internal;

import org.jspecify.annotations.NullMarked;
