package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The frame of a well-shaped entry read from its bytes without decoding them into CBOR values: an array of the kind
 * (a short text) and one byte string, or for a disclosure or an artifact a 32-byte digest and a byte string. The
 * bytes were delimited by {@link CborSequenceReader#readItem}, which already refused heads that are not in their
 * shortest form, so an entry of that shape is deterministic CBOR and is read exactly as decoding would read it; any
 * other shape is left to decoding, which names what is wrong.
 */
final class EntryFrame {

    private static final int TEXT = 3;
    private static final int BYTES = 2;

    private final byte[] bytes;
    private final int end;
    private int position;

    private EntryFrame(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    /**
     * The entry numbered {@code number} held in {@code bytes[from]} to {@code bytes[to - 1]}, or empty when it is not
     * of a well-known shape. What it keeps of them is copied.
     */
    static Optional<BundleEntry> read(long number, byte[] bytes, int from, int to) {
        return new EntryFrame(bytes, from, to).entry(number);
    }

    private Optional<BundleEntry> entry(long number) {
        int initial = bytes[position++] & 0xff;
        if (initial != 0x82 && initial != 0x83) {
            return Optional.empty();
        }
        int items = initial & 0x1f;
        String kind = text();
        boolean listed = kind.equals("disclosure") || kind.equals("artifact");
        if (items != (listed ? 3 : 2)) {
            return Optional.empty();
        }
        byte[] digest = listed ? byteString() : null;
        byte[] content = byteString();
        if (content == null || position != end || (listed && (digest == null || digest.length != Digest.LENGTH))) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (kind) {
            case "statement" -> new BundleEntry.StatementEntry(number, content);
            case "audit" -> new BundleEntry.AuditEntry(number, content);
            case "seal" -> new BundleEntry.SealEntry(number, content);
            case "disclosure" -> new BundleEntry.DisclosureEntry(number, digest(digest), content);
            case "artifact" -> new BundleEntry.ArtifactEntry(number, digest(digest), content);
            default -> null;
        });
    }

    /** A text of fewer than 24 bytes (every kind is), or "" for anything else. */
    private String text() {
        if (position >= end) {
            return "";
        }
        int initial = bytes[position] & 0xff;
        int length = initial & 0x1f;
        if (initial >>> 5 != TEXT || length >= 24 || position + 1 + length > end) {
            return "";
        }
        position += 1 + length;
        // Malformed UTF-8 becomes U+FFFD here, which no kind holds: decoding then refuses it.
        return new String(bytes, position - length, length, StandardCharsets.UTF_8);
    }

    /** A byte string's contents, or null when the next item is not a byte string within the bytes. */
    private byte[] byteString() {
        if (position >= end || (bytes[position] & 0xff) >>> 5 != BYTES) {
            return null;
        }
        int info = bytes[position++] & 0x1f;
        long length;
        if (info < 24) {
            length = info;
        } else if (info <= 27) {
            int size = 1 << (info - 24);
            if (position + size > end) {
                return null;
            }
            length = 0;
            for (int i = 0; i < size; i++) {
                length = (length << 8) | (bytes[position++] & 0xff);
            }
        } else {
            return null;
        }
        if (length < 0 || length > end - position) {
            return null;
        }
        position += (int) length;
        return Arrays.copyOfRange(bytes, position - (int) length, position);
    }

    private static Digest digest(byte[] bytes) {
        try {
            return Digest.of(bytes);
        } catch (FormatException e) {
            throw new IllegalStateException("a digest was checked to have 32 bytes", e);
        }
    }
}
