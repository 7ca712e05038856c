package dev.runtape.cbor;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes CBOR in the deterministic encoding of RFC 8949 §4.2.1: the shortest head for every integer and length,
 * definite lengths, floats in the shortest exact precision, and map entries ordered by the bytes of their encoded
 * keys. Two equal values always give the same bytes.
 */
public final class CborEncoder {

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = CborInteger.MAX;

    private final CborProfile profile;
    private final ByteArrayOutputStream out;

    private CborEncoder(CborProfile profile, int sizeHint) {
        this.profile = profile;
        this.out = new ByteArrayOutputStream(sizeHint);
    }

    /** {@code value} in the {@link CborProfile#DETERMINISTIC} encoding. */
    public static byte[] encode(CborValue value) {
        return encode(value, CborProfile.DETERMINISTIC);
    }

    /**
     * {@code value} in the deterministic encoding of {@code profile}; {@link CborProfile#DCBOR} also reduces
     * integral floats to integers.
     *
     * @throws IllegalArgumentException if a map has two keys with the same encoding (possible only under dCBOR,
     *     where {@code 1.0} and {@code 1} both encode as {@code 01}), or an integer is out of the dCBOR range
     */
    public static byte[] encode(CborValue value, CborProfile profile) {
        CborEncoder encoder = new CborEncoder(profile, 64);
        encoder.write(value);
        return encoder.out.toByteArray();
    }

    /** The head of a byte string of {@code length} bytes: for writing large payloads without copying them. */
    public static byte[] byteStringHead(long length) {
        return head(2, length);
    }

    /**
     * The shortest head of major type {@code majorType} (0 to 7) with {@code argument}, read as unsigned: what an
     * item's bytes start with, for writing or hashing an item a piece at a time.
     */
    public static byte[] head(int majorType, long argument) {
        if (majorType < 0 || majorType > 7) {
            throw new IllegalArgumentException("a major type is 0 to 7, not " + majorType);
        }
        CborEncoder encoder = new CborEncoder(CborProfile.DETERMINISTIC, 9);
        encoder.writeHead(majorType, argument);
        return encoder.out.toByteArray();
    }

    private void write(CborValue value) {
        switch (value) {
            case CborInteger i -> writeInteger(i.value());
            case CborByteString b -> {
                byte[] bytes = b.unsafeBytes();
                writeHead(2, bytes.length);
                out.write(bytes, 0, bytes.length);
            }
            case CborTextString t -> {
                byte[] utf8 = t.value().getBytes(StandardCharsets.UTF_8);
                writeHead(3, utf8.length);
                out.write(utf8, 0, utf8.length);
            }
            case CborArray a -> {
                writeHead(4, a.size());
                for (CborValue item : a.items()) {
                    write(item);
                }
            }
            case CborMap m -> writeMap(m);
            case CborTag t -> {
                writeHead(6, t.tag());
                write(t.content());
            }
            case CborFloat f -> writeFloat(f.value());
            case CborSimple s -> {
                if (s.value() < 24) {
                    out.write(0xE0 | s.value());
                } else {
                    out.write(0xF8);
                    out.write(s.value());
                }
            }
        }
    }

    private void writeInteger(BigInteger value) {
        if (profile == CborProfile.DCBOR && value.compareTo(INT64_MIN) < 0) {
            throw new IllegalArgumentException("dCBOR integers stop at -2^63, not " + value);
        }
        if (value.signum() >= 0) {
            writeHead(0, value.longValue()); // the low 64 bits: exact, as value <= 2^64-1
        } else {
            writeHead(1, value.negate().subtract(BigInteger.ONE).longValue());
        }
    }

    private void writeMap(CborMap map) {
        List<byte[][]> encoded = new ArrayList<>(map.size());
        for (Map.Entry<CborValue, CborValue> entry : map.entries().entrySet()) {
            encoded.add(new byte[][] {encode(entry.getKey(), profile), encode(entry.getValue(), profile)});
        }
        encoded.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        writeHead(5, encoded.size());
        byte[] previousKey = null;
        for (byte[][] entry : encoded) {
            if (previousKey != null && Arrays.equals(previousKey, entry[0])) {
                throw new IllegalArgumentException("two map keys encode to the same bytes");
            }
            previousKey = entry[0];
            out.write(entry[0], 0, entry[0].length);
            out.write(entry[1], 0, entry[1].length);
        }
    }

    private void writeFloat(double value) {
        if (profile == CborProfile.DCBOR && isReducible(value)) {
            writeInteger(new BigDecimal(value).toBigIntegerExact());
            return;
        }
        FloatWidth width = FloatWidth.shortestExact(value);
        out.write(width.initialByte);
        long bits = width.bits(value);
        for (int shift = (width.bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (bits >>> shift));
        }
    }

    /** dCBOR's numeric reduction applies to a float with an integral value in the range of a 64-bit integer. */
    static boolean isReducible(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
            return false;
        }
        BigInteger integral = new BigDecimal(value).toBigInteger();
        return integral.compareTo(INT64_MIN) >= 0 && integral.compareTo(UINT64_MAX) <= 0;
    }

    /** Writes a head with the shortest argument encoding; {@code argument} is read as unsigned. */
    private void writeHead(int majorType, long argument) {
        int type = majorType << 5;
        if (Long.compareUnsigned(argument, 24) < 0) {
            out.write(type | (int) argument);
        } else if (Long.compareUnsigned(argument, 0x100) < 0) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (Long.compareUnsigned(argument, 0x10000) < 0) {
            out.write(type | 25);
            writeBigEndian(argument, 2);
        } else if (Long.compareUnsigned(argument, 0x1_0000_0000L) < 0) {
            out.write(type | 26);
            writeBigEndian(argument, 4);
        } else {
            out.write(type | 27);
            writeBigEndian(argument, 8);
        }
    }

    private void writeBigEndian(long value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
