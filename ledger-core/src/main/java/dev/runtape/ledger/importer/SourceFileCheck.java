package dev.runtape.ledger.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What every file must be before a format reads it: not empty and, for a text format, UTF-8 throughout with no line
 * longer than the limit. A format's parser would otherwise replace a bad byte with U+FFFD and import a changed text,
 * or hold a runaway line in memory; refusing here names the line for the caller instead.
 */
public final class SourceFileCheck {

    /** The longest line accepted by default. The longest line among the public samples is 272 KiB. */
    public static final int DEFAULT_LINE_LIMIT = 16 * 1024 * 1024;

    private final int lineLimit;

    /** A check that refuses lines over {@code lineLimit} bytes, the line feed not counted. */
    public SourceFileCheck(int lineLimit) {
        if (lineLimit < 1) {
            throw new IllegalArgumentException("the line limit must be at least 1 byte: " + lineLimit);
        }
        this.lineLimit = lineLimit;
    }

    public int lineLimit() {
        return lineLimit;
    }

    /**
     * Refuses a file with nothing in it, before a format is chosen: no format has anything to recognise.
     *
     * @throws ImportException at line 1
     */
    public void checkNotEmpty(SourceFile source) throws ImportException {
        byte[] bytes = source.bytes();
        if (blank(bytes)) {
            throw new ImportException(source.path(), "line 1", bytes.length == 0 ? "expected a trajectory, found an "
                    + "empty file" : "expected a trajectory, found only white space");
        }
    }

    /**
     * Refuses a file of a text format that is not UTF-8 or has a line over the limit.
     *
     * @throws ImportException naming the line (and for a bad byte, its column in bytes) of the first problem
     */
    public void checkText(SourceFile source) throws ImportException {
        byte[] bytes = source.bytes();
        checkLines(source, bytes);
        checkEncoding(source, bytes);
    }

    /** Both checks, as for a file of a text format. */
    public void check(SourceFile source) throws ImportException {
        checkNotEmpty(source);
        checkText(source);
    }

    private void checkLines(SourceFile source, byte[] bytes) throws ImportException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int length = i - start;
                if (length > lineLimit) {
                    throw new ImportException(source.path(), "line " + line, "expected a line of at most "
                            + lineLimit + " bytes, found one of " + length + " bytes");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static void checkEncoding(SourceFile source, byte[] bytes) throws ImportException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new ImportException(source.path(), where(bytes, in.position()), "expected UTF-8 text, found "
                        + String.format("byte 0x%02x", bytes[in.position()] & 0xff) + " that does not begin or continue"
                        + " a UTF-8 character");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /** "line L, column C" of a byte offset, the column counted in bytes from 1. */
    private static String where(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", byte " + (offset - lineStart + 1);
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
