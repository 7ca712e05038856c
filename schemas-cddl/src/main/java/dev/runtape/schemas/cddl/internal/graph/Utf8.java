package dev.runtape.schemas.cddl.internal.graph;

/** The length of text in UTF-8, counted without encoding it. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The number of bytes {@code text.getBytes(UTF_8)} would have: a lone surrogate, which Java encodes as {@code ?},
     * counts one byte.
     */
    public static long length(String text) {
        int n = text.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // four bytes for the two chars of the pair
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }
}
