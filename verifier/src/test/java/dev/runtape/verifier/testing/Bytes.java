package dev.runtape.verifier.testing;

import java.util.HexFormat;

/** Byte-array helpers for tests that tamper with encoded messages. */
public final class Bytes {

    private Bytes() {
    }

    /** Where {@code needle} first stands in {@code haystack}; fails the test if it does not. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + HexFormat.of().formatHex(needle));
    }
}
