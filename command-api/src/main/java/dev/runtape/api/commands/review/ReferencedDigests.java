package dev.runtape.api.commands.review;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content digests a stream's statements name: every 32-byte byte string of their payloads (disclosure digests and
 * artifact digests are the only ones payloads carry). A redaction may delete only these, so that nobody deletes
 * contents of a stream, or a tenant, they have no right to touch by guessing or copying a digest.
 */
final class ReferencedDigests {

    private static final int PAGE = 500;

    private ReferencedDigests() {
    }

    /** The digests the payloads of a stream's statements name. */
    static Set<Digest> of(EventLog log, StreamId stream) {
        Set<Digest> found = new HashSet<>();
        long from = 0;
        while (true) {
            List<LogEntry> page = log.readStream(stream, from, PAGE);
            for (LogEntry entry : page) {
                collect(entry, found);
            }
            if (page.size() < PAGE) {
                return found;
            }
            from = page.getLast().revision() + 1;
        }
    }

    private static void collect(LogEntry entry, Set<Digest> found) {
        try {
            collect(Statement.read(entry.statement()).payload(), found);
        } catch (FormatException e) {
            throw new IllegalStateException("the stored statement at position " + entry.position()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void collect(CborValue value, Set<Digest> found) throws FormatException {
        switch (value) {
            case CborByteString bytes when bytes.length() == Digest.LENGTH -> found.add(Digest.of(bytes.bytes()));
            case CborMap map -> {
                for (var entry : map.entries().entrySet()) {
                    collect(entry.getValue(), found);
                }
            }
            case CborArray array -> {
                for (CborValue item : array.items()) {
                    collect(item, found);
                }
            }
            case CborTag tag -> collect(tag.content(), found);
            default -> {
            }
        }
    }
}
