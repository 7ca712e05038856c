package dev.runtape.verifier.bundle;

import dev.runtape.verifier.FormatException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CBOR sequence (RFC 8742) item by item from a stream, without decoding: {@link #readHead} takes one head
 * (to step into an array or map), {@link #readItem} the raw bytes of one whole item, to be decoded by
 * {@code CborDecoder}. So a large item (a manifest) can be read a piece at a time, and an over-long item is refused
 * by its heads before its bytes are held. Indefinite lengths are refused: bundles are deterministic CBOR.
 */
final class CborSequenceReader implements Closeable {

    static final int ARRAY = 4;
    static final int MAP = 5;

    /** A head: the major type and its argument (a length, a count, a value or a tag number). */
    record Head(int majorType, long argument) {
    }

    private final InputStream in;
    private final String source;
    private long offset;
    private @Nullable MessageDigest digest;
    private @Nullable ByteArrayOutputStream capture;

    CborSequenceReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The number of bytes read so far. */
    long offset() {
        return offset;
    }

    /** Feeds every byte read from now on to {@code digest}, until {@link #stopDigest()}. */
    void startDigest(MessageDigest digest) {
        this.digest = digest;
    }

    void stopDigest() {
        this.digest = null;
    }

    /** Whether the sequence has ended: no byte is left before the next item. */
    boolean atEnd() throws IOException {
        in.mark(1);
        int next = in.read();
        in.reset();
        return next < 0;
    }

    /** Reads one head. Precondition: not {@link #atEnd()}. */
    Head readHead() throws IOException, FormatException {
        long at = offset;
        int initial = readByte();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        long argument;
        if (info < 24) {
            argument = info;
        } else if (info <= 27) {
            int length = 1 << (info - 24);
            argument = 0;
            for (int i = 0; i < length; i++) {
                argument = (argument << 8) | readByte();
            }
            if (major != 7 && argument >= 0 && argument < (info == 24 ? 24 : 1L << (4 << (info - 24)))) {
                throw error(at, "the head of a major type " + major + " item is not in its shortest form");
            }
        } else if (info == 31) {
            throw error(at, "indefinite-length items are not deterministic CBOR");
        } else {
            throw error(at, "reserved additional information " + info);
        }
        return new Head(major, argument);
    }

    /**
     * The bytes of the next whole item, its nested items included.
     *
     * @throws FormatException if the item is longer than {@code limit} bytes, is malformed, or the input ends inside it
     */
    byte[] readItem(long limit, String what) throws IOException, FormatException {
        long start = offset;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        capture = bytes;
        try {
            long pending = 1;
            while (pending > 0) {
                Head head = readHead();
                pending--;
                long argument = head.argument();
                switch (head.majorType()) {
                    case 2, 3 -> {
                        if (argument < 0 || argument > limit - (offset - start)) {
                            throw error(start, what + " is longer than the limit of " + limit + " bytes");
                        }
                        copy(argument);
                    }
                    case ARRAY, MAP -> {
                        long items = head.majorType() == MAP ? 2 * argument : argument;
                        // Every item takes at least one byte, so a count beyond the limit cannot be honest.
                        if (argument < 0 || items < 0 || items > limit - (offset - start)) {
                            throw error(start, what + " is longer than the limit of " + limit + " bytes");
                        }
                        pending += items;
                    }
                    case 6 -> pending++;
                    default -> {
                    }
                }
                if (offset - start > limit) {
                    throw error(start, what + " is longer than the limit of " + limit + " bytes");
                }
            }
        } finally {
            capture = null;
        }
        return bytes.toByteArray();
    }

    private void copy(long length) throws IOException, FormatException {
        byte[] buffer = new byte[(int) Math.min(length, 8192)];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (n < 0) {
                throw error(offset, "the bundle ends inside an item (truncated)");
            }
            consumed(buffer, n);
            left -= n;
        }
    }

    private int readByte() throws IOException, FormatException {
        int b = in.read();
        if (b < 0) {
            throw error(offset, "the bundle ends inside an item (truncated)");
        }
        offset++;
        if (digest != null) {
            digest.update((byte) b);
        }
        if (capture != null) {
            capture.write(b);
        }
        return b;
    }

    private void consumed(byte[] buffer, int n) {
        offset += n;
        if (digest != null) {
            digest.update(buffer, 0, n);
        }
        if (capture != null) {
            capture.write(buffer, 0, n);
        }
    }

    private FormatException error(long at, String message) {
        return new FormatException(source + ": at byte " + at + ": " + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
