package dev.runtape.ledger.importer;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every file must be before a format reads it, checked on real samples with one thing broken in each. */
class SourceFileCheckTest {

    private static final String CLAUDE = "claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl";
    private static final String AIDER = "aider/chat-history.excerpt.md";

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "  \r\n\t\n"})
    void anEmptyFileIsRefusedAtLineOneWhateverFormatIsNamed(String text) {
        SourceFile empty = new SourceFile(Path.of("empty.jsonl"), text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ImportFormats.detector().read(empty, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("empty.jsonl: line 1: expected a trajectory, found ");
        assertThatThrownBy(() -> ImportFormats.detector().read(empty, "claude-code-jsonl"))
                .isInstanceOf(ImportException.class).hasMessageContaining("line 1");
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedNamingItsLineAndColumn() throws Exception {
        SourceFile good = sample(CLAUDE);
        byte[] bytes = good.bytes();
        int lineFive = startOfLine(bytes, 5);
        bytes[lineFive + 3] = (byte) 0xff;

        assertThatThrownBy(() -> ImportFormats.detector().read(new SourceFile(good.path(), bytes), null))
                .isInstanceOf(ImportException.class)
                .hasMessage(good.path() + ": line 5, byte 4: expected UTF-8 text, found byte 0xff that does not "
                        + "begin or continue a UTF-8 character");
    }

    @Test
    void aCharacterCutShortAtTheEndOfTheFileIsNotUtf8() throws Exception {
        SourceFile good = sample(AIDER);
        byte[] cut = Arrays.copyOf(good.bytes(), good.bytes().length + 1);
        cut[cut.length - 1] = (byte) 0xc3; // the first of the two bytes of "é"
        int lines = lines(cut);

        assertThatThrownBy(() -> ImportFormats.detector().read(new SourceFile(good.path(), cut), "aider-chat-history"))
                .isInstanceOf(ImportException.class).hasMessageContaining(": line " + lines + ", byte ")
                .hasMessageContaining("0xc3");
    }

    @Test
    void aLineOverTheLimitIsRefusedNamingTheFirstSuchLine() throws Exception {
        SourceFile good = sample(CLAUDE);
        byte[] bytes = good.bytes();
        int limit = 4096;
        int line = 1;
        int start = 0;
        int expected = -1;
        int length = -1;
        for (int i = 0; i <= bytes.length && expected < 0; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - start > limit) {
                    expected = line;
                    length = i - start;
                }
                line++;
                start = i + 1;
            }
        }
        assertThat(expected).as("the sample has a line over %d bytes", limit).isPositive();
        FormatDetector detector = new FormatDetector(ImportFormats.all(), new SourceFileCheck(limit));

        assertThatThrownBy(() -> detector.read(good, null)).isInstanceOf(ImportException.class)
                .hasMessage(good.path() + ": line " + expected + ": expected a line of at most 4096 bytes, found one"
                        + " of " + length + " bytes");
    }

    @Test
    void theSamplesPassTheDefaultChecks() throws Exception {
        SourceFileCheck check = new SourceFileCheck(SourceFileCheck.DEFAULT_LINE_LIMIT);
        check.check(sample(CLAUDE));
        check.check(sample(AIDER));
        check.check(sample("openhands/multi_swe_bench.output.jsonl"));
    }

    @Test
    void aLimitBelowOneByteIsABug() {
        assertThatThrownBy(() -> new SourceFileCheck(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int startOfLine(byte[] bytes, int line) {
        int seen = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (seen == line) {
                return i;
            }
            if (bytes[i] == '\n') {
                seen++;
            }
        }
        throw new IllegalArgumentException("no line " + line);
    }

    private static int lines(byte[] bytes) {
        int count = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }
}
