package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CborSequenceReaderTest {

    private static final int BUFFER = CborSequenceReader.BUFFER;

    /** Items of every size around the reader's buffer, so that some start, end or lie across its edges. */
    private static List<byte[]> items() {
        List<byte[]> items = new ArrayList<>();
        int[] sizes = {0, 1, 23, 24, 255, 256, 65_536, BUFFER - 1, BUFFER, BUFFER + 1, 3, 3 * BUFFER, 7, 2 * BUFFER};
        for (int i = 0; i < sizes.length; i++) {
            byte[] content = new byte[sizes[i]];
            Arrays.fill(content, (byte) i);
            CborValue item = i % 2 == 0 ? new CborByteString(content)
                    : CborArray.of(CborTextString.of("kind"), new CborByteString(content));
            items.add(item.encode());
        }
        return items;
    }

    @Test
    void readsEveryItemWholeWhereverItLiesInTheBuffer() throws IOException, FormatException {
        List<byte[]> items = items();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        items.forEach(all::writeBytes);
        // A stream that hands out few bytes at a time, as a pipe may.
        InputStream trickle = new ByteArrayInputStream(all.toByteArray()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 40_000));
            }
        };
        CborSequenceReader reader = new CborSequenceReader(trickle, "test");
        long offset = 0;
        for (byte[] item : items) {
            assertThat(reader.atEnd()).isFalse();
            assertThat(reader.offset()).isEqualTo(offset);
            assertThat(reader.readItem(1 << 22, "item")).isEqualTo(item);
            offset += item.length;
        }

        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void itemsHandedOutWhereTheyLieStayAsTheyWereAfterLaterReads() throws IOException, FormatException {
        List<byte[]> items = items();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        items.forEach(all::writeBytes);
        CborSequenceReader reader = new CborSequenceReader(new ByteArrayInputStream(all.toByteArray()), "test");
        List<ByteRange> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            kept.add(reader.readItem(1 << 22, () -> "item", ByteRange::new));
        }

        assertThat(reader.atEnd()).isTrue();
        assertThat(kept).extracting(ByteRange::copy).containsExactlyElementsOf(items);
    }

    @Test
    void releasedBuffersAreReadIntoAgainWhileTheItemsStillHeldStayAsTheyWere() throws IOException, FormatException {
        // Items of about a kilobyte, sixteen buffers' worth, each held until 300 items later, then released.
        int lag = 300;
        List<byte[]> items = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; items.size() * 1_000L < 16L * BUFFER; i++) {
            byte[] content = new byte[1_000 + i % 7];
            Arrays.fill(content, (byte) i);
            items.add(new CborByteString(content).encode());
            all.writeBytes(items.getLast());
        }
        CborSequenceReader reader = new CborSequenceReader(new ByteArrayInputStream(all.toByteArray()), "test");
        reader.release(0); // from here on, the buffers read out are kept for reuse
        List<ByteRange> held = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Set<byte[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < items.size(); i++) {
            held.add(reader.readItem(1 << 20, () -> "item", ByteRange::new));
            ends.add(reader.offset());
            if (held.getLast().bytes().length == BUFFER) {
                buffers.add(held.getLast().bytes()); // not an item across two buffers, which is copied out whole
            }
            if (i >= lag) {
                assertThat(held.get(i - lag).copy()).as("item %d, held until now", i - lag)
                        .isEqualTo(items.get(i - lag));
                reader.release(ends.get(i - lag));
            }
        }
        for (int i = items.size() - lag; i < items.size(); i++) {
            assertThat(held.get(i).copy()).as("item %d, never released", i).isEqualTo(items.get(i));
        }

        assertThat(reader.atEnd()).isTrue();
        // Held items span two buffers at most, and the one being read into makes three.
        assertThat(buffers.size()).as("buffers read into").isEqualTo(3);
    }

    @Test
    void anItemThatStartsWhereTheBufferEndsIsReadWhole() throws IOException, FormatException {
        // 5 bytes of head and the rest of content fill the buffer exactly; the next item starts after it.
        byte[] first = new CborByteString(new byte[BUFFER - 5]).encode();
        byte[] second = CborArray.of(CborTextString.of("next"), new CborByteString(new byte[] {1, 2, 3})).encode();
        assertThat(first).hasSize(BUFFER);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first);
        all.writeBytes(second);
        CborSequenceReader reader = new CborSequenceReader(new ByteArrayInputStream(all.toByteArray()), "test");

        assertThat(reader.readItem(1 << 20, "first")).isEqualTo(first);
        assertThat(reader.readItem(1 << 20, "second")).isEqualTo(second);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void anItemCutOffInsideItsBytesIsTruncated() {
        byte[] item = items().get(11);
        CborSequenceReader reader = new CborSequenceReader(
                new ByteArrayInputStream(Arrays.copyOf(item, item.length - 1)), "test");

        assertThatThrownBy(() -> reader.readItem(1 << 22, "item")).isInstanceOf(FormatException.class)
                .hasMessage("test: at byte " + (item.length - 1) + ": the bundle ends inside an item (truncated)");
    }

    /** Items of about a kilobyte, {@code buffers} buffers' worth. */
    private static List<byte[]> kilobyteItems(int buffers) {
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; items.size() * 1_000L < (long) buffers * BUFFER; i++) {
            byte[] content = new byte[1_000 + i % 7];
            Arrays.fill(content, (byte) i);
            items.add(new CborByteString(content).encode());
        }
        return items;
    }

    private static byte[] concatenated(List<byte[]> items) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        items.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Test
    void aBufferWhoseItemsWereAllCopiedOutIsReadIntoAgainUnasked() throws IOException, FormatException {
        List<byte[]> items = kilobyteItems(16);
        byte[] all = concatenated(items);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        CborSequenceReader reader = new CborSequenceReader(new ByteArrayInputStream(all), "test");
        reader.readItem(1 << 20, "item");

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 1; i < items.size(); i++) {
            reader.readItem(1 << 20, "item");
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // The copies take the bytes once; a new buffer for each fill would take them twice.
        assertThat(allocated).as("bytes allocated reading %d bytes", all.length).isLessThan(all.length + 4L * BUFFER);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void anItemHandedOutWhereItLiesKeepsItsBufferFromBeingReadIntoAgain() throws IOException, FormatException {
        // Copies and items held where they lie, in turn, never released: what is held must stay as it was.
        List<byte[]> items = kilobyteItems(16);
        CborSequenceReader reader = new CborSequenceReader(new ByteArrayInputStream(concatenated(items)), "test");
        List<ByteRange> held = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i % 97 == 0) {
                held.add(reader.readItem(1 << 20, () -> "item", ByteRange::new));
            } else {
                assertThat(reader.readItem(1 << 20, "item")).isEqualTo(items.get(i));
            }
        }
        for (int k = 0; k < held.size(); k++) {
            assertThat(held.get(k).copy()).as("item %d, held", 97 * k).isEqualTo(items.get(97 * k));
        }
    }
}
