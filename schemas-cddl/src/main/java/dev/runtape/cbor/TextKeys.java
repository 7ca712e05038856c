package dev.runtape.cbor;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The short text keys already read from one input, found again by their bytes. The maps of an array (the steps of a
 * trajectory, the entries of a log) repeat the same few keys: each is decoded once, and later maps share its value,
 * which CBOR values, being immutable, allow. Remembers at most {@link #SLOTS} keys; one that does not fit only costs
 * a decoding.
 */
final class TextKeys {

    private static final int SLOTS = 32;

    private final byte[] in;
    private final @Nullable CborTextString[] texts = new CborTextString[SLOTS];
    private final int[] offsets = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];

    TextKeys(byte[] in) {
        this.in = in;
    }

    /** The key read before whose UTF-8 bytes are those of {@code in} at {@code from}, {@code length} long; or null. */
    @Nullable CborTextString find(int from, int length) {
        int slot = slot(from, length);
        CborTextString text = texts[slot];
        return text != null && lengths[slot] == length
                && Arrays.equals(in, offsets[slot], offsets[slot] + length, in, from, from + length) ? text : null;
    }

    /** Remembers {@code text}, read from {@code length} bytes of the input at {@code from}. */
    void remember(int from, int length, CborTextString text) {
        int slot = slot(from, length);
        texts[slot] = text;
        offsets[slot] = from;
        lengths[slot] = length;
    }

    private int slot(int from, int length) {
        int hash = length == 0 ? 0 : length * 31 + in[from] * 7 + in[from + length - 1];
        return hash & (SLOTS - 1);
    }
}
