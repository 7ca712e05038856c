package dev.runtape.verifier.robustness;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One edit of an encoding, as a fuzzer makes them. Positions are taken modulo the length of the input they are
 * applied to, so one mutation fits inputs of any length; on an empty input the positional ones insert or do nothing.
 */
sealed interface Mutation {

    /** Bytes that mean something in a CBOR head: every kind of length argument, indefinite, break, and so on. */
    byte[] INTERESTING = {
        0x00, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1F, 0x40, 0x5B, 0x5F, 0x60, 0x7B, 0x7F, (byte) 0x80, (byte) 0x84,
        (byte) 0x9B, (byte) 0x9F, (byte) 0xA0, (byte) 0xA1, (byte) 0xBB, (byte) 0xBF, (byte) 0xC0, (byte) 0xD2,
        (byte) 0xDB, (byte) 0xF4, (byte) 0xF6, (byte) 0xF7, (byte) 0xF8, (byte) 0xF9, (byte) 0xFA, (byte) 0xFB,
        (byte) 0xFF, 0x7E,
    };

    byte[] apply(byte[] input);

    record FlipBit(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            if (input.length == 0) {
                return input;
            }
            byte[] out = input.clone();
            out[Math.floorMod(position, input.length)] ^= (byte) (1 << (bit & 7));
            return out;
        }
    }

    record SetByte(int position, byte value) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            if (input.length == 0) {
                return input;
            }
            byte[] out = input.clone();
            out[Math.floorMod(position, input.length)] = value;
            return out;
        }
    }

    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            return Arrays.copyOf(input, input.length == 0 ? 0 : Math.floorMod(length, input.length));
        }
    }

    record Insert(int position, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            int at = Math.floorMod(position, input.length + 1);
            byte[] out = new byte[input.length + bytes.length];
            System.arraycopy(input, 0, out, 0, at);
            System.arraycopy(bytes, 0, out, at, bytes.length);
            System.arraycopy(input, at, out, at + bytes.length, input.length - at);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[position=" + position + ", bytes=" + java.util.HexFormat.of().formatHex(bytes) + "]";
        }
    }

    record Delete(int from, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            if (input.length == 0) {
                return input;
            }
            int start = Math.floorMod(from, input.length);
            int end = Math.min(input.length, start + Math.max(1, length));
            byte[] out = new byte[input.length - (end - start)];
            System.arraycopy(input, 0, out, 0, start);
            System.arraycopy(input, end, out, start, input.length - end);
            return out;
        }
    }

    /** Copies a slice of the input and inserts the copy elsewhere (or right after itself). */
    record DuplicateSlice(int from, int length, int to) implements Mutation {
        @Override
        public byte[] apply(byte[] input) {
            if (input.length == 0) {
                return input;
            }
            int start = Math.floorMod(from, input.length);
            int end = Math.min(input.length, start + Math.max(1, length));
            return new Insert(to, Arrays.copyOfRange(input, start, end)).apply(input);
        }
    }

    /** Any one mutation. */
    static Arbitrary<Mutation> any() {
        Arbitrary<Integer> position = Arbitraries.integers().greaterOrEqual(0);
        Arbitrary<Byte> interesting = Arbitraries.of(ByteLists.boxed(INTERESTING));
        Arbitrary<Byte> anyByte = Arbitraries.bytes();
        Arbitrary<byte[]> insertion = Arbitraries.frequencyOf(
                        Tuple.of(2, interesting), Tuple.of(1, anyByte))
                .list().ofMinSize(1).ofMaxSize(9)
                .map(ByteLists::unboxed);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(FlipBit::new)),
                Tuple.of(2, Combinators.combine(position, Arbitraries.frequencyOf(Tuple.of(2, interesting),
                        Tuple.of(1, anyByte))).as(SetByte::new)),
                Tuple.of(1, position.map(Truncate::new)),
                Tuple.of(2, Combinators.combine(position, insertion).as(Insert::new)),
                Tuple.of(1, Combinators.combine(position, Arbitraries.integers().between(1, 16)).as(Delete::new)),
                Tuple.of(2, Combinators.combine(position, Arbitraries.integers().between(1, 40), position)
                        .as(DuplicateSlice::new)));
    }

    /** One to three mutations, applied in order. */
    static Arbitrary<List<Mutation>> some() {
        return any().list().ofMinSize(1).ofMaxSize(3);
    }

    static byte[] applyAll(List<Mutation> mutations, byte[] input) {
        byte[] out = input;
        for (Mutation mutation : mutations) {
            out = mutation.apply(out);
        }
        return out;
    }
}
