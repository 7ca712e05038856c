package dev.runtape.ledger.log;

import java.util.List;

/**
 * Statements to append to one stream, on the premise that its last revision is {@code expected}. The statements get
 * the revisions {@code expected + 1}, {@code expected + 2}, ... in list order.
 */
public record StreamAppend(StreamId stream, ExpectedRevision expected, List<NewEvent> events) {

    public StreamAppend {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append to " + stream + " needs at least one event");
        }
    }

    public static StreamAppend of(StreamId stream, ExpectedRevision expected, NewEvent... events) {
        return new StreamAppend(stream, expected, List.of(events));
    }
}
