package dev.runtape.verifier.robustness;

import java.util.List;

/** Between {@code byte[]} and the {@code List<Byte>} that jqwik generates. */
final class ByteLists {

    private ByteLists() {
    }

    static List<Byte> boxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return List.of(boxed);
    }

    static byte[] unboxed(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
