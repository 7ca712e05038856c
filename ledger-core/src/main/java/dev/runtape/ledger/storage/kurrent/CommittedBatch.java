package dev.runtape.ledger.storage.kurrent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StreamAppend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Runtape batch as the data of one event of the commit stream: its first global position and its events in batch
 * order, each with its stream and revision. The commit stream's revisions order the batches, and each batch names the
 * position it starts at: positions are a sequence the log writes itself, gapless whatever KurrentDB's own positions
 * are.
 *
 * @param firstPosition the global position of the first event; the next batch starts right after the last one
 */
record CommittedBatch(long firstPosition, List<Event> events) {

    /** One event of the batch; the statement travels as base64 in the JSON. */
    record Event(String stream, long revision, String eventId, String eventType, String tenant, byte[] statement) {}

    static final String EVENT_TYPE = "runtape.batch";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    CommittedBatch {
        events = List.copyOf(events);
    }

    /** The batch as committed at {@code firstPosition}, the revisions following each stream's expected one. */
    static CommittedBatch of(AppendBatch batch, long firstPosition) {
        List<Event> events = new ArrayList<>(batch.size());
        for (StreamAppend append : batch.appends()) {
            long revision = append.expected().nextRevision();
            for (NewEvent event : append.events()) {
                events.add(new Event(append.stream().value(), revision++, event.eventId(), event.eventType(),
                        event.tenant(), event.statement().bytes()));
            }
        }
        return new CommittedBatch(firstPosition, events);
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch always encodes", e);
        }
    }

    /**
     * The batch in {@code data}.
     *
     * @throws IOException naming what was expected when the data is no batch of this log
     */
    static CommittedBatch decode(byte[] data) throws IOException {
        CommittedBatch batch = JSON.readValue(data, CommittedBatch.class);
        if (batch.events() == null || batch.events().isEmpty() || batch.firstPosition() < 1) {
            throw new IOException("expected a batch with a first position of 1 or more and at least one event");
        }
        return batch;
    }
}
