package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;

/** Axon tracking tokens as log positions. */
final class Tokens {

    private Tokens() {
    }

    /**
     * The log position a token has seen up to: any token that reports a position (global sequence, gap-aware,
     * replay) works, and no token means the start of the log.
     */
    static long position(@Nullable TrackingToken token) {
        if (token == null) {
            return EventLog.BEFORE_FIRST;
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException(
                "a " + token.getClass().getSimpleName() + " has no position in the log"));
    }

    /**
     * The position just before the first entry recorded at or after {@code time}. The log records in commit order
     * with the store's clock, so recording times rise with positions and a binary search finds it in O(log n) reads.
     */
    static long positionBefore(EventLog log, Instant time) {
        long low = EventLog.BEFORE_FIRST;
        long high = log.lastPosition();
        while (low < high) {
            long middle = low + (high - low) / 2;
            List<LogEntry> entry = log.readAfter(middle, 1);
            if (entry.isEmpty() || !entry.getFirst().recordedAt().isBefore(time)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
