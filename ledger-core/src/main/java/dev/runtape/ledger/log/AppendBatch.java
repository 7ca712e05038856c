package dev.runtape.ledger.log;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends to one or more streams that succeed or fail together. Each stream appears once; each event id once.
 */
public record AppendBatch(List<StreamAppend> appends) {

    public AppendBatch {
        appends = List.copyOf(appends);
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one stream append");
        }
        Set<StreamId> streams = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (StreamAppend append : appends) {
            if (!streams.add(append.stream())) {
                throw new IllegalArgumentException("stream " + append.stream() + " appears twice in one batch");
            }
            for (NewEvent event : append.events()) {
                if (!eventIds.add(event.eventId())) {
                    throw new IllegalArgumentException("event id \"" + event.eventId() + "\" appears twice in one batch");
                }
            }
        }
    }

    public static AppendBatch of(StreamAppend... appends) {
        return new AppendBatch(List.of(appends));
    }

    /** The number of events in the batch. */
    public int size() {
        return appends.stream().mapToInt(append -> append.events().size()).sum();
    }
}
