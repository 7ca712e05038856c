package dev.runtape.verifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborEncoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made inputs aimed at the decoder's resources. Heads that declare far more than the input holds, and nesting
 * far deeper than the limit, must be refused at once, without allocating for what they declare; valid maps whose
 * keys are chosen to collide in Java's hash codes must still get keys of distinct hash codes, which is what keeps
 * reading them linear. Every profile is tried.
 *
 * <p>Nothing here asserts a time. For the refusals, allocation is measured on the decoding thread: a refusal may
 * allocate a small multiple of the input, never anything in proportion to a declared length. Each decode runs on a
 * worker thread under a generous limit that only guards the build against hanging.
 */
class HostileCborTest {

    /** Only a guard against a decode that never ends: refusals take microseconds, the big maps milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** Loads and initializes the codec first, so that one-off class initialization is not counted against a test. */
    @BeforeAll
    static void warmUp() throws CborException {
        for (CborProfile profile : CborProfile.values()) {
            CborDecoder.decode(hex("a2000001a0"), profile);
        }
    }

    // ---- Heads that declare more than there is ----

    @Test
    void byteStringOf2To62Bytes() {
        assertRefusedCheaply(concat(hex("5b4000000000000000"), "abc".getBytes()));
    }

    @Test
    void textStringOf2To32MinusOneBytes() {
        assertRefusedCheaply(concat(hex("7affffffff"), "abc".getBytes()));
    }

    @Test
    void arrayOf2To32Items() {
        assertRefusedCheaply(hex("9b0000000100000000010203"));
    }

    @Test
    void arrayOf2To64MinusOneItems() {
        assertRefusedCheaply(hex("9bffffffffffffffff010203"));
    }

    @Test
    void mapOf2To63Entries() {
        assertRefusedCheaply(hex("bb80000000000000000102"));
    }

    @Test
    void chunkOf2To63BytesInAnIndefiniteByteString() {
        assertRefusedCheaply(hex("5f41005b7fffffffffffffff00ff"));
    }

    @Test
    void tagOnNothing() {
        assertRefusedCheaply(hex("dbffffffffffffffff"));
    }

    // ---- Nesting ----

    @Test
    void indefiniteArraysTenThousandDeep() {
        assertRefusedCheaply(concat(repeat(0x9F, 10_000), repeat(0xFF, 10_000)));
    }

    @Test
    void definiteArraysTenThousandDeep() {
        assertRefusedCheaply(concat(repeat(0x81, 10_000), hex("00")));
    }

    @Test
    void mapsAsKeysTenThousandDeep() {
        assertRefusedCheaply(concat(repeat(0xA1, 10_000), hex("0000")));
    }

    @Test
    void tagChainHundredThousandDeep() {
        assertRefusedCheaply(concat(repeat(0xC6, 100_000), hex("00")));
    }

    @Test
    void tagChainOfLongTagNumbersHundredThousandDeep() {
        byte[] tag = hex("dbffffffffffffffff");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            out.writeBytes(tag);
        }
        out.write(0);
        assertRefusedCheaply(out.toByteArray());
    }

    /**
     * Sixty nested arrays, each declaring as many items as there are bytes left (which passes the check of the
     * count against the bytes present), in 1 MiB; the innermost item is a byte string holding the rest. Sizing each
     * list from its declared count would take 60 times 4 bytes for every byte of input.
     */
    @Test
    void nestedArraysEachDeclaringEveryByteLeft() {
        byte[] input = new byte[1 << 20];
        int position = 0;
        for (int level = 0; level < 60; level++) {
            position = putHead(input, position, 4, input.length - position - 5);
        }
        putHead(input, position, 2, input.length - position - 5);
        assertRefusedCheaply(input);
    }

    /** The same with maps, each reading one entry first so that its table is allocated before the next level. */
    @Test
    void nestedMapsEachDeclaringEveryByteLeft() {
        byte[] input = new byte[1 << 20];
        int position = 0;
        for (int level = 0; level < 60; level++) {
            position = putHead(input, position, 5, (input.length - position - 5) / 2);
            input[position++] = 0x00; // key 0
            input[position++] = 0x00; // value 0
            input[position++] = 0x01; // key 1, whose value is the next level
        }
        putHead(input, position, 2, input.length - position - 5);
        assertRefusedCheaply(input);
    }

    // ---- Valid maps whose keys collide in a hash table ----
    //
    // With Java's own hash codes these maps took seconds to minutes to read: every key landed in one bucket. CBOR
    // values hash with a keyed SipHash instead, so the decoded keys must have (nearly) as many distinct hash codes
    // as there are keys: a count, not a time, which no load on the machine can change.

    private static final int KEYS = 1 << 14;

    /** Integers hi·2^32 + lo with 31·hi + lo constant: BigInteger's hash code is the same for all. */
    @Test
    void mapWithIntegerKeysOfOneJavaHashCode() {
        IntFunction<byte[]> colliding = i -> integer(i + 1, (12_345 - 31L * (i + 1)) & 0xFFFF_FFFFL);
        IntFunction<byte[]> ordinary = i -> integer(i + 1, (i * 0x9E37_79B1L) & 0xFFFF_FFFFL);
        assertKeysHashApart(mapOf(KEYS, colliding), mapOf(KEYS, ordinary));
    }

    /** Text made of the blocks "Aa" and "BB", which String's hash code cannot tell apart. */
    @Test
    void mapWithTextKeysOfOneJavaHashCode() {
        assertKeysHashApart(
                mapOf(KEYS, i -> withHead(3, blocks(i, "Aa".getBytes(), "BB".getBytes()))),
                mapOf(KEYS, i -> withHead(3, blocks(i, "Aa".getBytes(), "Bb".getBytes()))));
    }

    @Test
    void mapWithByteStringKeysOfOneJavaHashCode() {
        assertKeysHashApart(
                mapOf(KEYS, i -> withHead(2, blocks(i, "Aa".getBytes(), "BB".getBytes()))),
                mapOf(KEYS, i -> withHead(2, blocks(i, "Aa".getBytes(), "Bb".getBytes()))));
    }

    /** Doubles whose two 32-bit halves XOR to one value: Double's hash code is the same for all. */
    @Test
    void mapWithFloatKeysOfOneJavaHashCode() {
        // Odd low halves: only a double holds these values exactly, as the deterministic encoding requires.
        IntFunction<byte[]> colliding = i -> float64(0x4000_0000L + i, (0x4000_0000L + i) ^ 0x1234_5679L);
        IntFunction<byte[]> ordinary = i -> float64(0x4000_0000L + i, ((i * 0x9E37_79B1L) | 1) & 0xFFFF_FFFFL);
        assertKeysHashApart(mapOf(KEYS, colliding), mapOf(KEYS, ordinary));
    }

    /** Two-item arrays [a, b] with 31·a + b constant: List's hash code is the same for all. */
    @Test
    void mapWithArrayKeysOfOneJavaHashCode() {
        assertKeysHashApart(
                mapOf(KEYS, i -> CborArray.of(CborInteger.of(i), CborInteger.of(31L * KEYS - 31L * i)).encode()),
                mapOf(KEYS, i -> CborArray.of(CborInteger.of(i), CborInteger.of(7L * i + 1)).encode()));
    }

    /**
     * Maps {100: 101, 102: 103, ...} with any subset of the entries turned round ({101: 100}): Map's hash code adds
     * up key-hash XOR value-hash over the entries, which turning an entry round does not change.
     */
    @Test
    void mapWithMapKeysOfOneJavaHashCode() {
        int pairs = 12;
        IntFunction<byte[]> colliding = i -> {
            CborMap.Builder key = CborMap.builder();
            for (int pair = 0; pair < pairs; pair++) {
                CborInteger a = CborInteger.of(2L * pair + 100);
                CborInteger b = CborInteger.of(2L * pair + 101);
                boolean turned = ((i >>> pair) & 1) == 1;
                key.put(turned ? b : a, turned ? a : b);
            }
            return key.build().encode();
        };
        IntFunction<byte[]> ordinary = i -> {
            CborMap.Builder key = CborMap.builder();
            for (int pair = 0; pair < pairs; pair++) {
                key.put(CborInteger.of(2L * pair + 100), CborInteger.of(2L * pair + 101 + 1000L * ((i >>> pair) & 1)));
            }
            return key.build().encode();
        };
        assertKeysHashApart(mapOf(1 << pairs, colliding), mapOf(1 << pairs, ordinary));
    }

    // ---- Helpers ----

    /** Every profile refuses {@code input} with a CborException, allocating little. */
    static void assertRefusedCheaply(byte[] input) {
        for (CborProfile profile : CborProfile.values()) {
            Measured measured = decodeMeasured(input, profile, HANG_GUARD);
            assertThat(measured.result).as("%s on %s", profile, Decoding.hex(input)).isInstanceOf(CborException.class);
            long budget = 8L * input.length + (4 << 20);
            assertThat(measured.allocatedBytes)
                    .as("bytes allocated by %s to refuse %d bytes of input (%s)", profile, input.length,
                            ((CborException) measured.result).getMessage())
                    .isLessThan(budget);
        }
    }

    /**
     * Every profile reads both maps, and the keys of the colliding map get as many distinct hash codes as those of
     * the ordinary one, give or take a handful (32-bit codes of 16,384 keys collide by chance about once in 30 maps).
     */
    static void assertKeysHashApart(byte[] colliding, byte[] ordinary) {
        for (CborProfile profile : CborProfile.values()) {
            Measured plain = decodeMeasured(ordinary, profile, HANG_GUARD);
            Measured measured = decodeMeasured(colliding, profile, HANG_GUARD);
            assertThat(plain.result).as("%s on the map without collisions", profile).isInstanceOf(CborMap.class);
            assertThat(measured.result).as("%s on %s", profile, Decoding.hex(colliding)).isInstanceOf(CborMap.class);
            CborMap map = (CborMap) measured.result;
            assertThat(distinctKeyHashes(map))
                    .as("%s: distinct hash codes among the %d colliding keys", profile, map.size())
                    .isGreaterThanOrEqualTo(distinctKeyHashes((CborMap) plain.result) - 8);
        }
    }

    private static int distinctKeyHashes(CborMap map) {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int i = 0; i < map.size(); i++) {
            hashes.add(map.keyAt(i).hashCode());
        }
        return hashes.size();
    }

    record Measured(Object result, long allocatedBytes) {
    }

    /** Decodes on the worker thread within {@code limit}; the result is the value or the CborException. */
    private static Measured decodeMeasured(byte[] input, CborProfile profile, Duration limit) {
        return Decoding.withinLimit(limit, "decode " + profile, () -> Decoding.hex(input), () -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            Object result;
            try {
                result = CborDecoder.decode(input, profile);
            } catch (CborException e) {
                result = e;
            } catch (Throwable t) {
                throw new AssertionError("decode " + profile + " threw " + t + " instead of CborException", t);
            }
            return new Measured(result, threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
        });
    }

    /** A map of {@code count} entries with the given encoded keys, in deterministic order, values 0. */
    private static byte[] mapOf(int count, IntFunction<byte[]> encodedKey) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(encodedKey.apply(i));
        }
        keys.sort(Arrays::compareUnsigned);
        for (int i = 1; i < keys.size(); i++) {
            assertThat(Arrays.equals(keys.get(i - 1), keys.get(i))).as("keys must differ").isFalse();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(withHead(5, new byte[0], count));
        for (byte[] key : keys) {
            out.writeBytes(key);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The unsigned integer hi·2^32 + lo. */
    private static byte[] integer(long hi, long lo) {
        return new CborInteger(BigInteger.valueOf(hi).shiftLeft(32).add(BigInteger.valueOf(lo))).encode();
    }

    /** The double whose bits are hi·2^32 + lo, as a 9-byte float head. */
    private static byte[] float64(long hi, long lo) {
        byte[] key = new byte[9];
        key[0] = (byte) 0xFB;
        putLong(key, 1, (hi << 32) | lo);
        return key;
    }

    /** Fourteen blocks, the {@code b}th from the end being {@code zero} or {@code one} as bit b of {@code i} says. */
    private static byte[] blocks(int i, byte[] zero, byte[] one) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = 13; b >= 0; b--) {
            out.writeBytes(((i >>> b) & 1) == 0 ? zero : one);
        }
        return out.toByteArray();
    }

    private static byte[] withHead(int majorType, byte[] content) {
        return withHead(majorType, content, content.length);
    }

    private static byte[] withHead(int majorType, byte[] content, long argument) {
        byte[] head = CborEncoder.byteStringHead(argument);
        head[0] = (byte) ((majorType << 5) | (head[0] & 0x1F));
        return concat(head, content);
    }

    /** Writes a head with a 4-byte argument at {@code position}; returns the position after it. */
    private static int putHead(byte[] into, int position, int majorType, int argument) {
        into[position] = (byte) ((majorType << 5) | 26);
        for (int i = 0; i < 4; i++) {
            into[position + 1 + i] = (byte) (argument >>> (24 - 8 * i));
        }
        return position + 5;
    }

    private static void putLong(byte[] into, int position, long value) {
        for (int i = 0; i < 8; i++) {
            into[position + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private static byte[] repeat(int b, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
