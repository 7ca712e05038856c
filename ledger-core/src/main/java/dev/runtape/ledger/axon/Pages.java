package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.LogEntry;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the log a page at a time, lazily, as one stream: only what a consumer takes is fetched. */
final class Pages implements Iterator<LogEntry> {

    private final LongFunction<List<LogEntry>> fetch;
    private final ToLongFunction<LogEntry> next;
    private long from;
    private Iterator<LogEntry> page = List.<LogEntry>of().iterator();
    private boolean exhausted;

    private Pages(long from, LongFunction<List<LogEntry>> fetch, ToLongFunction<LogEntry> next) {
        this.from = from;
        this.fetch = fetch;
        this.next = next;
    }

    /**
     * The entries {@code fetch} returns page after page, starting at {@code from}; {@code next} gives, for the last
     * entry of a page, where the next page starts. An empty page ends the stream.
     */
    static Stream<LogEntry> of(long from, LongFunction<List<LogEntry>> fetch, ToLongFunction<LogEntry> next) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pages(from, fetch, next),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (!page.hasNext() && !exhausted) {
            List<LogEntry> entries = fetch.apply(from);
            if (entries.isEmpty()) {
                exhausted = true;
            } else {
                from = next.applyAsLong(entries.getLast());
                page = entries.iterator();
            }
        }
        return page.hasNext();
    }

    @Override
    public LogEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }
}
