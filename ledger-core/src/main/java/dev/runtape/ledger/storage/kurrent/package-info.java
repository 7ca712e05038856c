/**
 * The KurrentDB adapter of the event log (decision 0018): {@link dev.runtape.ledger.storage.kurrent.KurrentEventLog}
 * on KurrentDB's official Java client. Every Runtape batch is one event of a commit stream, appended at the commit
 * stream's expected revision: that one append is the commit point, so batches over many streams are all-or-nothing,
 * positions are gapless, and Runtape's revisions and event ids are judged against one serial history. Each Runtape
 * stream is also copied into a KurrentDB stream of its own, at KurrentDB's expected revision, for KurrentDB's own
 * tools.
 */
@NullMarked
package dev.runtape.ledger.storage.kurrent;

import org.jspecify.annotations.NullMarked;
