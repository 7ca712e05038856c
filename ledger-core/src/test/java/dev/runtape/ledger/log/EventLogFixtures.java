package dev.runtape.ledger.log;

import dev.runtape.ledger.log.StreamId.Kind;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/** Events and streams for the event log's tests. Statements are arbitrary bytes: the log never decodes them. */
final class EventLogFixtures {

    private EventLogFixtures() {}

    static StreamId stream(String id) {
        return StreamId.of(Kind.TASK, id);
    }

    /** An event whose statement is 1 to 300 bytes that depend on the id only, zero bytes included. */
    static NewEvent event(String eventId) {
        Random random = new Random(eventId.hashCode());
        byte[] statement = new byte[1 + random.nextInt(300)];
        random.nextBytes(statement);
        return new NewEvent(eventId, "task.noted", "tenant-1", StatementBytes.of(statement));
    }

    /** {@code first}, {@code first + 1}, ..., {@code last}. */
    static List<Long> positions(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
