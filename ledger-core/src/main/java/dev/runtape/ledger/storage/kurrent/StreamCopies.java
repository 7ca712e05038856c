package dev.runtape.ledger.storage.kurrent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies committed entries into one KurrentDB stream per Runtape stream, at KurrentDB's expected revision (Runtape
 * revision {@code r} is KurrentDB revision {@code r}), with name-based event ids. The copies are for KurrentDB's own
 * tools and subscribers; the log never reads them, so a copy that fails or lags (a node stopped between commit and
 * copy) costs nothing but lag, and the next append to that stream, by any node, copies what is missing.
 *
 * <p>Used under the log's write lock: one thread at a time.
 */
final class StreamCopies {

    private static final Logger LOG = Logger.getLogger(StreamCopies.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KurrentDBClient client;
    private final KurrentNames names;
    private final ServerCalls calls;
    /** The last revision known to be copied, per stream; missing when it must be read from the server. */
    private final Map<StreamId, Long> copiedThrough = new HashMap<>();

    StreamCopies(KurrentDBClient client, KurrentNames names, ServerCalls calls) {
        this.client = client;
        this.names = names;
        this.calls = calls;
    }

    /** Brings the copy of every stream of {@code entries} up to what {@code committed} holds. */
    void copy(List<LogEntry> entries, CommittedEntries committed) {
        entries.stream().map(LogEntry::stream).distinct().forEach(stream -> {
            try {
                copyStream(stream, committed);
            } catch (EventLogException e) {
                copiedThrough.remove(stream);
                LOG.log(Level.WARNING, "KurrentDB copy of " + stream + " lags; the next append to it tries again", e);
            }
        });
    }

    private void copyStream(StreamId stream, CommittedEntries committed) {
        for (int attempt = 0; attempt < 2; attempt++) {
            long copied = copiedThrough.computeIfAbsent(stream, this::lastCopied);
            List<LogEntry> missing = committed.streamAfter(stream, copied);
            if (missing.isEmpty()) {
                return;
            }
            StreamState expected = copied < 0 ? StreamState.noStream() : StreamState.streamRevision(copied);
            try {
                calls.await(client.appendToStream(names.copyStream(stream),
                        AppendToStreamOptions.get().streamState(expected),
                        missing.stream().map(this::copyOf).iterator()), "copy " + stream);
                copiedThrough.put(stream, missing.getLast().revision());
                return;
            } catch (WrongExpectedVersionException another) {
                // another node copied meanwhile: learn how far, and copy the rest
                copiedThrough.remove(stream);
            }
        }
    }

    private long lastCopied(StreamId stream) {
        try {
            List<ResolvedEvent> last = calls.await(client.readStream(names.copyStream(stream),
                    ReadStreamOptions.get().backwards().fromEnd().maxCount(1)), "read the copy of " + stream)
                    .getEvents();
            return last.isEmpty() ? -1 : last.getFirst().getOriginalEvent().getRevision();
        } catch (StreamNotFoundException absent) {
            return -1;
        }
    }

    private EventData copyOf(LogEntry entry) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("eventId", entry.eventId());
        metadata.put("tenant", entry.tenant());
        metadata.put("position", entry.position());
        try {
            return EventData.builderAsBinary(names.copyId(entry.eventId()), entry.eventType(),
                    entry.statement().bytes()).metadataAsBytes(JSON.writeValueAsBytes(metadata)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and a number always encodes", e);
        }
    }
}
