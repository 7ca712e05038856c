package dev.runtape.ledger.log;

import java.util.List;

/**
 * What an append stored, in the batch's order.
 *
 * @param retried true when every event of the batch had been stored before (a retry): {@code entries} are then the
 *     original entries and nothing was written
 */
public record AppendResult(List<LogEntry> entries, boolean retried) {

    public AppendResult {
        entries = List.copyOf(entries);
    }

    /** The global position of the last entry. */
    public long lastPosition() {
        return entries.stream().mapToLong(LogEntry::position).max().orElseThrow();
    }
}
