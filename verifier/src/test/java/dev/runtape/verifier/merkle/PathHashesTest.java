package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths laid out where they lie compare the rest of their hashes as the hashes themselves compare. */
class PathHashesTest {

    private static List<Digest> hashes(int count, int seed) {
        List<Digest> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(Digest.sha256(new byte[] {(byte) seed, (byte) i}));
        }
        return hashes;
    }

    /** The hashes as a receipt holds them: byte strings of 32, one after the other, after {@code lead} bytes. */
    private static PathHashes asReceiptHoldsThem(List<Digest> hashes, int lead) {
        byte[] bytes = new byte[lead + hashes.size() * (2 + Digest.LENGTH) + 3];
        int[] offsets = new int[hashes.size()];
        for (int i = 0; i < hashes.size(); i++) {
            int head = lead + i * (2 + Digest.LENGTH);
            bytes[head] = 0x58;
            bytes[head + 1] = 0x20;
            offsets[i] = head + 2;
            hashes.get(i).copyTo(bytes, offsets[i]);
        }
        return new PathHashes(bytes, offsets);
    }

    @Test
    void theRestOfTwoPathsIsTheSameExactlyFromAfterTheirLastDifferentHash() {
        List<Digest> path = hashes(17, 1);
        for (int changed = 0; changed < path.size(); changed++) {
            List<Digest> other = new ArrayList<>(path);
            other.set(changed, Digest.sha256(other.get(changed).bytes()));
            PathHashes a = asReceiptHoldsThem(path, 5);
            PathHashes b = asReceiptHoldsThem(other, 11);
            for (int from = 0; from <= path.size(); from++) {
                boolean same = from > changed;
                assertThat(PathHashes.sameFrom(a, b, from)).as("hash %d changed, from %d", changed, from)
                        .isEqualTo(same);
                assertThat(PathHashes.sameFrom(b, a, from)).isEqualTo(same);
                assertThat(PathHashes.sameFrom(a, other, from)).as("against digests").isEqualTo(same);
                assertThat(PathHashes.sameFrom(path, b, from)).isEqualTo(same);
            }
        }
    }

    @Test
    void pathsOfDifferentLengthsAreNeverTheSame() {
        List<Digest> path = hashes(9, 2);
        PathHashes whole = asReceiptHoldsThem(path, 0);
        PathHashes shorter = asReceiptHoldsThem(path.subList(0, 8), 0);

        assertThat(PathHashes.sameFrom(whole, shorter, 8)).isFalse();
        assertThat(PathHashes.sameFrom(whole, asReceiptHoldsThem(path, 40), 0)).isTrue();
        assertThat(PathHashes.sameFrom(whole, path, 9)).isTrue();
    }
}
