package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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

    /** The kinds of entry, by their index in {@link #KINDS}. */
    private static final int STATEMENT = 0;
    private static final int AUDIT = 1;
    private static final int SEAL = 2;
    private static final int DISCLOSURE = 3;
    private static final int ARTIFACT = 4;
    /** The encoding of each kind's name, its head included: compared as bytes, so no text is made per entry. */
    private static final byte[][] KINDS = {encoded("statement"), encoded("audit"), encoded("seal"),
            encoded("disclosure"), encoded("artifact")};

    private final byte[] bytes;
    private final int end;
    private int position;

    private EntryFrame(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    /**
     * The entry numbered {@code number} held in {@code bytes[from]} to {@code bytes[to - 1]}, or null when it is not
     * of a well-known shape. Its contents are left where they lie: the bytes must not change.
     */
    static @Nullable BundleEntry read(long number, byte[] bytes, int from, int to) {
        return new EntryFrame(bytes, from, to).entry(number);
    }

    private @Nullable BundleEntry entry(long number) {
        int initial = bytes[position++] & 0xff;
        if (initial != 0x82 && initial != 0x83) {
            return null;
        }
        int items = initial & 0x1f;
        int kind = kind();
        boolean listed = kind == DISCLOSURE || kind == ARTIFACT;
        if (kind < 0 || items != (listed ? 3 : 2)) {
            return null;
        }
        ByteRange digest = listed ? byteString() : null;
        ByteRange content = byteString();
        if (content == null || position != end || (listed && (digest == null || digest.length() != Digest.LENGTH))) {
            return null;
        }
        return switch (kind) {
            case STATEMENT -> new BundleEntry.StatementEntry(number, content);
            case AUDIT -> new BundleEntry.AuditEntry(number, content);
            case SEAL -> new BundleEntry.SealEntry(number, content);
            case DISCLOSURE -> new BundleEntry.DisclosureEntry(number, digest(digest), content);
            default -> new BundleEntry.ArtifactEntry(number, digest(digest), content);
        };
    }

    private static byte[] encoded(String kind) {
        byte[] name = kind.getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = new byte[1 + name.length];
        encoded[0] = (byte) ((TEXT << 5) | name.length); // every kind is shorter than 24 bytes
        System.arraycopy(name, 0, encoded, 1, name.length);
        return encoded;
    }

    /** The kind whose encoded name comes next, moving past it; -1 for any other item, which decoding judges. */
    private int kind() {
        for (int kind = 0; kind < KINDS.length; kind++) {
            byte[] encoded = KINDS[kind];
            if (end - position >= encoded.length
                    && Arrays.equals(bytes, position, position + encoded.length, encoded, 0, encoded.length)) {
                position += encoded.length;
                return kind;
            }
        }
        return -1;
    }

    /** Where a byte string's contents lie, or null when the next item is not a byte string within the bytes. */
    private @Nullable ByteRange byteString() {
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
        return new ByteRange(bytes, position - (int) length, position);
    }

    /** A digest was checked to have 32 bytes. */
    private static Digest digest(ByteRange bytes) {
        return Digest.copyOf(bytes.bytes(), bytes.from());
    }
}
