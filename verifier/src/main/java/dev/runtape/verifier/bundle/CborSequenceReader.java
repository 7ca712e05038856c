package dev.runtape.verifier.bundle;

import dev.runtape.verifier.FormatException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Supplier;
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
    /** Bytes read from {@code in} at once. */
    static final int BUFFER = 1 << 18;

    /** Buffers kept for reuse at most: 8 MiB. */
    private static final int SPARE = 32;

    /** A buffer read out, and the offset in the sequence where its bytes end. */
    private record Retired(byte[] buffer, long end) {
    }

    /**
     * Read ahead from {@code in}: this reader buffers itself, so a byte costs an array access, not a call. Each fill
     * reads into a buffer no item handed out lies in, so that an item's bytes handed out where they lie ({@link
     * #readItem(long, Supplier, ItemBytes)}) stay as they are for as long as they are held: a new one, which the
     * garbage collector takes back once no item of it is; or one of which no item was handed out where it lies (all
     * were copied, as a manifest's are); or, once the caller says which items it no longer holds ({@link #release}),
     * one of theirs.
     */
    private byte[] buffer = new byte[BUFFER];
    /** Buffers read out whose items may still be held, oldest first; kept only once {@link #release} is called. */
    private final ArrayDeque<Retired> retired = new ArrayDeque<>();
    /** Buffers none of whose items is held any more: read into before a new one is made. */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private boolean recycling;
    /** Whether an item was handed out where it lies in the buffer since it was made or read into. */
    private boolean lent;
    private int position;
    /** The end of the bytes read into the buffer. */
    private int end;
    /** The offset in the sequence of {@code buffer[0]}. */
    private long bufferStart;
    /** While an item is read: where in the buffer it starts, or its bytes not yet captured. */
    private int captureFrom = -1;
    /** The bytes of the item being read, once it no longer lies in the buffer alone. */
    private @Nullable ByteArrayOutputStream capture;

    CborSequenceReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The number of bytes read so far. */
    long offset() {
        return bufferStart + position;
    }

    /**
     * Says that no item handed out where it lies that ends at or before {@code offset} is held any more, so that the
     * buffers holding only such items may be read into again: a buffer being made and zeroed costs as much as the
     * read into it, and a buffer that lives on is not copied by each young collection. From the first call on, this
     * reader keeps the buffers it reads out until a call releases them.
     */
    void release(long offset) {
        recycling = true;
        while (!retired.isEmpty() && retired.peekFirst().end() <= offset) {
            byte[] free = retired.removeFirst().buffer();
            if (spare.size() < SPARE) {
                spare.addLast(free);
            }
        }
    }

    /** Whether the sequence has ended: no byte is left before the next item. */
    boolean atEnd() throws IOException {
        return position == end && !fill();
    }

    /** Reads one head. Precondition: not {@link #atEnd()}. */
    Head readHead() throws IOException, FormatException {
        long at = offset();
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
        return readItem(limit, () -> what);
    }

    /** {@link #readItem(long, String)}, naming the item only when it fails. */
    byte[] readItem(long limit, Supplier<String> what) throws IOException, FormatException {
        return readItem(limit, what, Arrays::copyOfRange, false);
    }

    /** Takes the bytes of an item where they lie, {@code bytes[from]} to {@code bytes[to - 1]}, which do not change. */
    interface ItemBytes<T> {
        T take(byte[] bytes, int from, int to) throws FormatException;
    }

    /**
     * Reads one item as {@link #readItem(long, String)} does, handing its bytes to {@code take} where they lie: in the
     * buffer itself when the item lies within it, so that {@code take} may keep them without a copy.
     */
    <T> T readItem(long limit, Supplier<String> what, ItemBytes<T> take) throws IOException, FormatException {
        return readItem(limit, what, take, true);
    }

    /** @param inPlace whether {@code take} may keep the bytes where they lie (else it copies them) */
    private <T> T readItem(long limit, Supplier<String> what, ItemBytes<T> take, boolean inPlace)
            throws IOException, FormatException {
        long start = offset();
        captureFrom = position;
        capture = null;
        try {
            long pending = 1;
            while (pending > 0) {
                Head head = readHead();
                pending--;
                long argument = head.argument();
                switch (head.majorType()) {
                    case 2, 3 -> {
                        if (argument < 0 || argument > limit - (offset() - start)) {
                            throw error(start, what.get() + " is longer than the limit of " + limit + " bytes");
                        }
                        skip(argument);
                    }
                    case ARRAY, MAP -> {
                        long items = head.majorType() == MAP ? 2 * argument : argument;
                        // Every item takes at least one byte, so a count beyond the limit cannot be honest.
                        if (argument < 0 || items < 0 || items > limit - (offset() - start)) {
                            throw error(start, what.get() + " is longer than the limit of " + limit + " bytes");
                        }
                        pending += items;
                    }
                    case 6 -> pending++;
                    default -> {
                    }
                }
                if (offset() - start > limit) {
                    throw error(start, what.get() + " is longer than the limit of " + limit + " bytes");
                }
            }
            if (capture == null) {
                lent |= inPlace;
                return take.take(buffer, captureFrom, position);
            }
            capture.write(buffer, captureFrom, position - captureFrom);
            byte[] bytes = capture.toByteArray();
            return take.take(bytes, 0, bytes.length);
        } finally {
            captureFrom = -1;
            capture = null;
        }
    }

    /** Passes over {@code length} bytes of the item being read (they stay captured). */
    private void skip(long length) throws IOException, FormatException {
        long left = length;
        while (left > 0) {
            if (position == end && !fill()) {
                throw error(offset(), "the bundle ends inside an item (truncated)");
            }
            int n = (int) Math.min(left, end - position);
            position += n;
            left -= n;
        }
    }

    private int readByte() throws IOException, FormatException {
        if (position == end && !fill()) {
            throw error(offset(), "the bundle ends inside an item (truncated)");
        }
        return buffer[position++] & 0xff;
    }

    /**
     * Reads the next bytes: into the rest of the buffer, or once it is full into a new one, first handing the bytes
     * read from the full one to the capture. Precondition: the bytes read are used up. Returns false at the end of
     * the input.
     */
    private boolean fill() throws IOException {
        if (end == buffer.length) {
            // An item that starts at the end of the buffer is captured only from the next bytes on.
            if (captureFrom >= 0 && (capture != null || position > captureFrom)) {
                if (capture == null) {
                    capture = new ByteArrayOutputStream(Math.max(256, 2 * (position - captureFrom)));
                }
                capture.write(buffer, captureFrom, position - captureFrom);
            }
            bufferStart += end;
            if (!lent) {
                // Every item of it was copied out (a manifest's are): it is read into again at once.
                if (spare.size() < SPARE) {
                    spare.addLast(buffer);
                }
            } else if (recycling) {
                retired.addLast(new Retired(buffer, bufferStart));
            }
            lent = false;
            byte[] free = spare.pollFirst();
            buffer = free != null ? free : new byte[BUFFER];
            position = 0;
            end = 0;
            if (captureFrom >= 0) {
                captureFrom = 0;
            }
        }
        int n;
        do {
            n = in.read(buffer, end, buffer.length - end);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private FormatException error(long at, String message) {
        return new FormatException(source + ": at byte " + at + ": " + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
