package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static LogEntry entry(long position) {
        return new LogEntry(position, StreamId.of(StreamId.Kind.TASK, "t"), position - 1, "e" + position,
                "task.noted", "tenant-1", StatementBytes.of(new byte[] {(byte) position, 0}), Instant.EPOCH);
    }

    @Test
    void entriesAtOrBelowTheLastIntegratedPositionAreSkippedAndKeepTheirLeaves() {
        Progress progress = new Progress(Frontier.EMPTY, 0, Optional.empty());
        Progress afterThree = progress.extendWith(List.of(entry(1), entry(2), entry(3))).orElseThrow().after();

        Progress.Step replay = afterThree.extendWith(List.of(entry(2), entry(3), entry(4), entry(5))).orElseThrow();

        assertThat(replay.extension().leaves()).extracting(TreeLeaf::leafIndex, TreeLeaf::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 4L),
                        org.assertj.core.groups.Tuple.tuple(4L, 5L));
        assertThat(replay.after().lastPosition()).isEqualTo(5);
        assertThat(afterThree.extendWith(List.of(entry(1), entry(3)))).isEmpty();
    }

    @Test
    void leafHashesAreTheRfc9162HashesOfTheStatementBytes() {
        Progress.Step step = new Progress(Frontier.EMPTY, 0, Optional.empty())
                .extendWith(List.of(entry(1), entry(2), entry(3))).orElseThrow();

        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (long position = 1; position <= 3; position++) {
            tree.appendLeaf(entry(position).statement().bytes());
        }
        assertThat(step.extension().leaves().getFirst().leafHash())
                .isEqualTo(Rfc9162Hasher.hashLeaf(new byte[] {1, 0}));
        assertThat(step.after().frontier().root()).isEqualTo(tree.root());
    }
}
