package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.log.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The KurrentDB names of one Runtape log, all under one namespace so that several logs (a test's, a tenant's
 * deployment's) can share a server: the commit stream {@code <namespace>-batches}, one copy stream
 * {@code <namespace>:<kind>/<id>} per Runtape stream, and name-based event ids that are the same on every node.
 */
record KurrentNames(String namespace) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

    KurrentNames {
        if (!FORM.matcher(namespace).matches()) {
            throw new IllegalArgumentException("KurrentDB namespace: expected 1 to 63 characters of a-z, 0-9, '_', '.'"
                    + " or '-', starting with a letter, found \"" + namespace + "\"");
        }
    }

    /** The stream whose events are the committed batches, in commit order. */
    String commitStream() {
        return namespace + "-batches";
    }

    /** The KurrentDB stream that copies the Runtape stream {@code stream}. */
    String copyStream(StreamId stream) {
        return namespace + ":" + stream.value();
    }

    /** The KurrentDB event id of an event's copy: KurrentDB then drops a copy written twice at one revision. */
    UUID copyId(String eventId) {
        return UUID.nameUUIDFromBytes((namespace + "\u0000copy\u0000" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The KurrentDB event id of a batch, from its whole content: a batch whose acknowledgement was lost and that is
     * sent again at the same revision is then acknowledged without being stored twice, and a different batch never
     * shares the id.
     */
    UUID batchId(byte[] encodedBatch) {
        byte[] prefix = (namespace + "\u0000batch\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] named = new byte[prefix.length + encodedBatch.length];
        System.arraycopy(prefix, 0, named, 0, prefix.length);
        System.arraycopy(encodedBatch, 0, named, prefix.length, encodedBatch.length);
        return UUID.nameUUIDFromBytes(named);
    }
}
