package dev.runtape.cbor;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one CBOR data item from bytes, failing closed with a {@link CborException} that names the byte offset.
 *
 * <p>Defences against hostile input: a declared length or count is checked against the bytes actually present
 * before anything is allocated for it, and a list or map is sized up front for at most {@value #MAX_PRESIZED}
 * items whatever its count says (otherwise nested containers that each declare every byte left would take memory
 * in proportion to the input times the depth); nesting is limited to {@value #MAX_DEPTH} levels, and decoding is
 * one pass over the input, so time is linear in its length.
 */
public final class CborDecoder {

    /** Deeper nesting than this is refused rather than risking the stack. */
    public static final int MAX_DEPTH = 64;

    /** Lists and maps start with room for their declared count up to this; beyond it they grow as items arrive. */
    static final int MAX_PRESIZED = 1024;

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long INT64_MIN_MAGNITUDE_MINUS_ONE = Long.MAX_VALUE; // -1 - n >= -2^63  <=>  n <= 2^63-1

    private final byte[] in;
    private final CborProfile profile;
    private int pos;
    /** Where the input ends: the array's length, or the end of the range {@link #check} was given. */
    private final int end;
    /** The text keys of maps read so far, made when the first map is met. */
    private @Nullable TextKeys keys;

    private CborDecoder(byte[] in, CborProfile profile) {
        this(in, 0, in.length, profile);
    }

    private CborDecoder(byte[] in, int from, int to, CborProfile profile) {
        this.in = in;
        this.profile = profile;
        this.pos = from;
        this.end = to;
    }

    /** The single data item in {@code bytes}, read under {@link CborProfile#DETERMINISTIC}. */
    public static CborValue decode(byte[] bytes) throws CborException {
        return decode(bytes, CborProfile.DETERMINISTIC);
    }

    /**
     * The single data item that {@code bytes} holds, read under {@code profile}.
     *
     * @throws CborException if the bytes are not exactly one well-formed item, or the item breaks a rule of the
     *     profile
     */
    public static CborValue decode(byte[] bytes, CborProfile profile) throws CborException {
        CborDecoder decoder = new CborDecoder(bytes, profile);
        CborValue value = decoder.item(0);
        if (decoder.pos != bytes.length) {
            throw new CborException("at byte " + decoder.pos + ": " + (bytes.length - decoder.pos)
                    + " bytes after the end of the data item");
        }
        return value;
    }

    /**
     * The single data item that the byte string {@code bytes} holds (as {@code bstr .cbor} embeds one), read under
     * {@code profile} without copying the bytes out first.
     *
     * @throws CborException as {@link #decode(byte[], CborProfile)}
     */
    public static CborValue decode(CborByteString bytes, CborProfile profile) throws CborException {
        return decode(bytes.unsafeBytes(), profile);
    }

    /**
     * The data items of the CBOR sequence that the byte string {@code bytes} holds, read without copying the bytes.
     *
     * @throws CborException as {@link #decodeSequence(byte[], CborProfile)}
     */
    public static List<CborValue> decodeSequence(CborByteString bytes, CborProfile profile) throws CborException {
        return decodeSequence(bytes.unsafeBytes(), profile);
    }

    /**
     * The data items of a CBOR sequence (RFC 8742): zero or more items back to back, read under {@code profile}.
     *
     * @throws CborException if an item is malformed or breaks a rule of the profile
     */
    public static List<CborValue> decodeSequence(byte[] bytes, CborProfile profile) throws CborException {
        CborDecoder decoder = new CborDecoder(bytes, profile);
        List<CborValue> items = new ArrayList<>();
        while (decoder.pos < bytes.length) {
            items.add(decoder.item(0));
        }
        return items;
    }

    /**
     * Checks that {@code bytes[from]} to {@code bytes[to - 1]} hold exactly one data item that keeps every rule of
     * {@code profile}, as {@link #decode(byte[], CborProfile)} would, without making any of its values: for a reader
     * that then takes the few fields it needs where they lie (a bundle's verifier reads a million statements).
     *
     * @throws CborException as {@code decode} would
     * @throws IllegalArgumentException if the profile is not a strict one (only values tell its duplicate keys apart)
     *     or the range is not within the bytes
     */
    public static void check(byte[] bytes, int from, int to, CborProfile profile) throws CborException {
        if (!profile.strict()) {
            throw new IllegalArgumentException("only a strict profile can be checked without decoding: " + profile);
        }
        if (from < 0 || to > bytes.length || from > to) {
            throw new IllegalArgumentException("not a range of " + bytes.length + " bytes: " + from + " to " + to);
        }
        CborDecoder decoder = new CborDecoder(bytes, from, to, profile);
        decoder.skip(0);
        if (decoder.pos != to) {
            throw new CborException("at byte " + decoder.pos + ": " + (to - decoder.pos)
                    + " bytes after the end of the data item");
        }
    }

    /**
     * Checks the one data item that starts at {@code bytes[from]}, within {@code bytes[to - 1]}, as {@link #check}
     * checks a whole item, and returns where it ends: for a reader that walks an item itself and steps over the parts
     * it does not need.
     *
     * @param depth how deep the item is nested in the whole, so that the whole's depth is limited as decoding limits
     *     it
     * @throws CborException as {@code decode} would
     * @throws IllegalArgumentException as {@link #check}
     */
    public static int checkedEnd(byte[] bytes, int from, int to, int depth, CborProfile profile)
            throws CborException {
        if (!profile.strict()) {
            throw new IllegalArgumentException("only a strict profile can be checked without decoding: " + profile);
        }
        if (from < 0 || to > bytes.length || from > to) {
            throw new IllegalArgumentException("not a range of " + bytes.length + " bytes: " + from + " to " + to);
        }
        CborDecoder decoder = new CborDecoder(bytes, from, to, profile);
        decoder.skip(depth);
        return decoder.pos;
    }

    /** Checks one item as {@link #item} reads it, under a strict profile, making nothing but a float's value. */
    private void skip(int depth) throws CborException {
        if (depth > MAX_DEPTH) {
            throw error(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
        int start = pos;
        int initial = readByte();
        int majorType = initial >>> 5;
        int info = initial & 0x1F;
        if (info == 31) {
            indefinite(start, majorType, depth); // refused: a strict profile has definite lengths only
            return;
        }
        if (majorType == 7) {
            simpleOrFloat(start, info);
            return;
        }
        long argument = argument(start, info);
        switch (majorType) {
            case 0 -> {
            }
            case 1 -> checkNegative(start, argument);
            case 2 -> {
                requireBytes(start, argument, "byte string");
                pos += (int) argument;
            }
            case 3 -> {
                requireBytes(start, argument, "text string");
                int from = pos;
                pos += (int) argument;
                checkUtf8(start, from, (int) argument);
            }
            case 4 -> {
                checkCount(start, argument, end - pos, "array of ", " items");
                for (long i = 0; i < argument; i++) {
                    skip(depth + 1);
                }
            }
            case 5 -> skipMap(start, argument, depth);
            case 6 -> skip(depth + 1);
            default -> throw new AssertionError("major type " + majorType);
        }
    }

    /** A map's keys in strictly increasing order of their encodings, which also rules out repeated keys. */
    private void skipMap(int start, long count, int depth) throws CborException {
        checkCount(start, count, (end - pos) / 2, "map of ", " entries");
        int previousKeyStart = -1;
        int previousKeyEnd = -1;
        for (long i = 0; i < count; i++) {
            int keyStart = pos;
            skip(depth + 1);
            if (!followsPrevious(previousKeyStart, previousKeyEnd, keyStart)) {
                throw error(keyStart, "map key " + CborDecoder.decode(Arrays.copyOfRange(in, keyStart, pos), profile)
                        + " is out of the deterministic order (keys sorted by their encoded bytes)");
            }
            previousKeyStart = keyStart;
            previousKeyEnd = pos;
            skip(depth + 1);
        }
    }

    /**
     * Whether the key just read (from {@code keyStart} to here) sorts after the previous one by its encoded bytes, as
     * a deterministic map's keys must; true for the first key ({@code previousKeyStart} -1).
     */
    private boolean followsPrevious(int previousKeyStart, int previousKeyEnd, int keyStart) {
        return previousKeyStart < 0
                || Arrays.compareUnsigned(in, previousKeyStart, previousKeyEnd, in, keyStart, pos) < 0;
    }

    private void checkCount(int start, long count, int most, String what, String unit) throws CborException {
        if (Long.compareUnsigned(count, most) > 0) {
            throw error(start, what + Long.toUnsignedString(count) + unit + " but only " + remaining());
        }
    }

    /** Text that is ASCII needs no decoding to be valid UTF-8; any other is decoded to be sure. */
    private void checkUtf8(int start, int from, int length) throws CborException {
        for (int i = from; i < from + length; i++) {
            if (in[i] < 0) {
                utf8(start, in, from, length);
                return;
            }
        }
    }

    private CborValue item(int depth) throws CborException {
        if (depth > MAX_DEPTH) {
            throw error(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
        int start = pos;
        int initial = readByte();
        int majorType = initial >>> 5;
        int info = initial & 0x1F;
        if (info == 31) {
            return indefinite(start, majorType, depth);
        }
        if (majorType == 7) {
            return simpleOrFloat(start, info);
        }
        long argument = argument(start, info);
        return switch (majorType) {
            case 0 -> CborInteger.decoded(argument >= 0 ? BigInteger.valueOf(argument) : unsigned(argument));
            case 1 -> negative(start, argument);
            case 2 -> CborByteString.adopting(take(start, argument, "byte string"));
            case 3 -> new CborTextString(text(start, argument));
            case 4 -> array(start, argument, depth);
            case 5 -> map(start, argument, depth);
            case 6 -> new CborTag(argument, item(depth + 1));
            default -> throw new AssertionError("major type " + majorType);
        };
    }

    /** The argument of a head whose initial byte was at {@code start}; checks preferred width when strict. */
    private long argument(int start, int info) throws CborException {
        if (info < 24) {
            return info;
        }
        int width = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw error(start, "reserved additional information " + info);
        };
        long value = readBigEndian(width);
        if (profile.strict() && Long.compareUnsigned(value, minimumFor(width)) < 0) {
            throw error(start, "argument " + Long.toUnsignedString(value) + " is encoded in " + width
                    + (width == 1 ? " byte" : " bytes") + "; the preferred serialization is shorter");
        }
        return value;
    }

    private static long minimumFor(int width) {
        return switch (width) {
            case 1 -> 24;
            case 2 -> 0x100;
            case 4 -> 0x10000;
            default -> 0x1_0000_0000L;
        };
    }

    private static BigInteger unsigned(long argument) {
        return argument >= 0 ? BigInteger.valueOf(argument) : BigInteger.valueOf(argument).add(TWO_TO_64);
    }

    private CborInteger negative(int start, long argument) throws CborException {
        checkNegative(start, argument);
        // -1 - n: for n up to 2^63-1 a long holds it; beyond, only a BigInteger does.
        return CborInteger.decoded(argument >= 0 ? BigInteger.valueOf(-1 - argument)
                : unsigned(argument).add(BigInteger.ONE).negate());
    }

    private void checkNegative(int start, long argument) throws CborException {
        if (profile == CborProfile.DCBOR && Long.compareUnsigned(argument, INT64_MIN_MAGNITUDE_MINUS_ONE) > 0) {
            throw error(start, "negative integer below -2^63, outside dCBOR's range");
        }
    }

    private CborValue simpleOrFloat(int start, int info) throws CborException {
        if (info < 24) {
            return new CborSimple(info);
        }
        if (info == 24) {
            int value = readByte();
            if (value < 32) {
                throw error(start, "simple value " + value + " must be encoded in the initial byte");
            }
            return new CborSimple(value);
        }
        if (info > 27) {
            throw error(start, "reserved additional information " + info);
        }
        FloatWidth width = FloatWidth.ofAdditionalInfo(info);
        long bits = readBigEndian(width.bytes);
        double value = width.value(bits);
        if (profile.strict()) {
            checkDeterministicFloat(start, width, bits, value);
        }
        return new CborFloat(value);
    }

    private void checkDeterministicFloat(int start, FloatWidth width, long bits, double value)
            throws CborException {
        if (Double.isNaN(value)) {
            if (width != FloatWidth.HALF || bits != FloatWidth.CANONICAL_NAN_HALF) {
                throw error(start, "NaN must be encoded as f97e00");
            }
            return;
        }
        FloatWidth shortest = FloatWidth.shortestExact(value);
        if (shortest != width) {
            throw error(start, "float " + value + " is encoded in " + width.bytes + " bytes; the preferred serialization uses "
                    + shortest.bytes);
        }
        if (profile == CborProfile.DCBOR && CborEncoder.isReducible(value)) {
            throw error(start, "float " + value + " has an integral value and must be encoded as an integer in dCBOR");
        }
    }

    private CborArray array(int start, long count, int depth) throws CborException {
        checkCount(start, count, end - pos, "array of ", " items");
        List<CborValue> items = new ArrayList<>((int) Math.min(count, MAX_PRESIZED));
        for (long i = 0; i < count; i++) {
            items.add(item(depth + 1));
        }
        return new CborArray(items);
    }

    private CborMap map(int start, long count, int depth) throws CborException {
        // Each entry takes at least two bytes.
        checkCount(start, count, (end - pos) / 2, "map of ", " entries");
        MapEntries entries = new MapEntries((int) Math.min(count, MAX_PRESIZED));
        int previousKeyStart = -1;
        int previousKeyEnd = -1;
        for (long i = 0; i < count; i++) {
            int keyStart = pos;
            CborValue key = key(depth + 1);
            boolean ordered = false;
            if (profile.strict()) {
                if (!followsPrevious(previousKeyStart, previousKeyEnd, keyStart)) {
                    throw error(keyStart, "map key " + key + " is out of the deterministic order (keys sorted by their encoded bytes)");
                }
                previousKeyStart = keyStart;
                previousKeyEnd = pos;
                ordered = true; // each value has one encoding here, so strictly increasing encodings cannot repeat
            }
            CborValue value = item(depth + 1);
            if (!entries.add(key, value, !ordered)) {
                throw error(keyStart, "duplicate map key " + key);
            }
        }
        return new CborMap(entries.toMap());
    }

    /**
     * A map key: a text of up to 23 bytes (its length in its head) is decoded only the first time the input holds it,
     * then shared (see {@link TextKeys}); any other key is read as an item.
     */
    private CborValue key(int depth) throws CborException {
        int head = pos < end ? in[pos] & 0xFF : -1;
        int length = head - 0x60;
        int from = pos + 1;
        if (length < 0 || length > 23 || length > end - from || depth > MAX_DEPTH) {
            return item(depth);
        }
        if (keys == null) {
            keys = new TextKeys(in);
        }
        CborTextString known = keys.find(from, length);
        if (known != null) {
            pos = from + length;
            return known;
        }
        CborTextString text = (CborTextString) item(depth);
        keys.remember(from, length, text);
        return text;
    }

    private CborValue indefinite(int start, int majorType, int depth) throws CborException {
        if (majorType == 7) {
            throw error(start, "break (ff) outside an indefinite-length item");
        }
        if (majorType < 2 || majorType == 6) {
            throw error(start, "major type " + majorType + " cannot have an indefinite length");
        }
        if (profile.strict()) {
            throw error(start, "indefinite-length item; the deterministic encoding uses definite lengths only");
        }
        return switch (majorType) {
            case 2, 3 -> chunkedString(start, majorType);
            case 4 -> {
                List<CborValue> items = new ArrayList<>();
                while (!atBreak()) {
                    items.add(item(depth + 1));
                }
                yield new CborArray(items);
            }
            default -> {
                MapEntries entries = new MapEntries(SmallMap.LIMIT);
                while (!atBreak()) {
                    int keyStart = pos;
                    CborValue key = item(depth + 1);
                    if (atBreakPeek()) {
                        throw error(pos, "map ends after a key without its value");
                    }
                    if (!entries.add(key, item(depth + 1), true)) {
                        throw error(keyStart, "duplicate map key " + key);
                    }
                }
                yield new CborMap(entries.toMap());
            }
        };
    }

    private CborValue chunkedString(int start, int majorType) throws CborException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        while (!atBreak()) {
            int chunkStart = pos;
            int initial = readByte();
            if (initial >>> 5 != majorType || (initial & 0x1F) == 31) {
                throw error(chunkStart, "a chunk of an indefinite-length string must be a definite string of the same type");
            }
            long length = argument(chunkStart, initial & 0x1F);
            byte[] chunk = take(chunkStart, length, "string chunk");
            if (majorType == 3) {
                utf8(chunkStart, chunk, 0, chunk.length); // each chunk must be valid UTF-8 on its own (RFC 8949 §3.2.3)
            }
            joined.writeBytes(chunk);
        }
        byte[] bytes = joined.toByteArray();
        return majorType == 2 ? CborByteString.adopting(bytes) : new CborTextString(utf8(start, bytes, 0, bytes.length));
    }

    private boolean atBreak() throws CborException {
        if (atBreakPeek()) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean atBreakPeek() throws CborException {
        if (pos >= end) {
            throw error(pos, "input ends inside an indefinite-length item");
        }
        return (in[pos] & 0xFF) == 0xFF;
    }

    /** Takes {@code length} bytes after checking that many are present: never allocates on the word of the input. */
    private byte[] take(int start, long length, String what) throws CborException {
        requireBytes(start, length, what);
        byte[] bytes = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += (int) length;
        return bytes;
    }

    /** Reads a text string of {@code length} bytes straight from the input (no intermediate copy). */
    private String text(int start, long length) throws CborException {
        requireBytes(start, length, "text string");
        int from = pos;
        pos += (int) length;
        return utf8(start, in, from, (int) length);
    }

    /** Checks that {@code length} bytes are present; the message is put together only when they are not. */
    private void requireBytes(int start, long length, String what) throws CborException {
        if (Long.compareUnsigned(length, end - pos) > 0) {
            throw error(start, what + " of " + Long.toUnsignedString(length) + " bytes but only " + remaining());
        }
    }

    private String remaining() {
        int left = end - pos;
        return left == 1 ? "1 byte remains" : left + " bytes remain";
    }

    /**
     * The text that {@code length} bytes at {@code offset} encode in UTF-8, refusing malformed UTF-8. The JDK's own
     * decoding (fast, and fastest for ASCII) replaces anything malformed with U+FFFD; only a text that then holds
     * U+FFFD, which valid input may also encode, is decoded again strictly to tell the two apart.
     */
    private static String utf8(int start, byte[] bytes, int offset, int length) throws CborException {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CborException("at byte " + start + ": text string is not valid UTF-8", e);
        }
    }

    private int readByte() throws CborException {
        if (pos >= end) {
            throw error(pos, "input ends where a data item was expected");
        }
        return in[pos++] & 0xFF;
    }

    private long readBigEndian(int width) throws CborException {
        if (end - pos < width) {
            throw error(pos, "input ends inside a " + width + "-byte argument");
        }
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (in[pos++] & 0xFF);
        }
        return value;
    }

    private static CborException error(int offset, String message) {
        return new CborException("at byte " + offset + ": " + message);
    }
}
