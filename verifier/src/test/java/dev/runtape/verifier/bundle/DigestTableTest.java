package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The manifest's compact digest set, across pages and rehashes. */
class DigestTableTest {

    private static Digest digest(int n) {
        return Digest.sha256(ByteBuffer.allocate(4).putInt(n).array());
    }

    @Test
    void digestsAreNumberedInOrderFoundAgainAndRefusedTwice() {
        DigestTable table = new DigestTable();
        int count = 100_000; // thirteen pages, several rehashes

        for (int n = 0; n < count; n++) {
            assertThat(table.add(digest(n))).isEqualTo(n);
        }

        assertThat(table.size()).isEqualTo(count);
        for (int n = 0; n < count; n += 997) {
            assertThat(table.find(digest(n))).isEqualTo(n);
            assertThat(table.get(n)).isEqualTo(digest(n));
            assertThat(table.add(digest(n))).isEqualTo(-1 - n);
        }
        assertThat(table.find(digest(count))).isEqualTo(-1);
        assertThat(table.find(Digest.ZERO)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(count);
    }

    @Test
    void aGuessIsTriedFirstAndAWrongOneChangesNothing() {
        DigestTable table = new DigestTable();
        int count = 20_000;
        for (int n = 0; n < count; n++) {
            table.add(digest(n));
        }
        for (int n = 0; n < count; n += 331) {
            for (int guess : new int[] {n, n + 1, n - 1, 0, -1, count, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                assertThat(table.find(digest(n), guess)).as("digest %d, guess %d", n, guess).isEqualTo(n);
            }
        }
        assertThat(table.find(digest(count), count - 1)).isEqualTo(-1);
        assertThat(table.find(Digest.ZERO, 0)).isEqualTo(-1);
    }

    @Test
    void roomMadeUpFrontChangesNoNumberAndAnUnboundedClaimIsIgnored() {
        DigestTable table = new DigestTable();
        table.add(digest(0));
        table.expect(30_000);
        table.expect(Integer.MAX_VALUE); // no table of that size: the caller bounds what it expects
        table.expect(-5);
        for (int n = 1; n < 50_000; n++) { // past what was expected, so it grows again
            assertThat(table.add(digest(n))).isEqualTo(n);
        }
        for (int n = 0; n < 50_000; n += 7) {
            assertThat(table.find(digest(n))).isEqualTo(n);
            assertThat(table.add(digest(n))).isEqualTo(-1 - n);
        }
        assertThat(table.size()).isEqualTo(50_000);
    }
}
