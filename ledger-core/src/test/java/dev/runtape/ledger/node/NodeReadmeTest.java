package dev.runtape.ledger.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.log.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of ledger-core/README.md, "Running a node", as it is written there; then what it leaves behind. */
class NodeReadmeTest {

    @TempDir
    Path directory;

    @Test
    void theReadmeExampleStartsANodeOnItsEmbeddedDefaultsAndRecordsASignedTask() throws Exception {
        Path data = directory.resolve("data");
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(data))) {
            node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(new DefineTask("task-1",
                    node.disclosures().discloseText("Fix the failing test"), "swe-bench", List.of("tests pass"), null,
                    null))
                    .andMetaData(Map.of(LedgerMetaData.PRINCIPAL, "capture-agent", LedgerMetaData.EVENT_ID, "e-1")));

            assertThat(node.firstStart()).isTrue();
            LogEntry entry = node.log().findByEventId("e-1").orElseThrow();
            assertThat(entry.stream().value()).isEqualTo("task/task-1");
        }
        assertThat(data.resolve("ledger.db")).exists();
        assertThat(data.resolve("keys").resolve(KeyDirectory.LEDGER_KEYS)).exists();
        assertThat(Files.list(data.resolve("content")).count()).isPositive();

        try (LedgerNode again = LedgerNode.start(NodeSettings.embedded(data))) {
            assertThat(again.firstStart()).as("the second start finds the key of the first").isFalse();
            assertThat(again.log().lastPosition()).isEqualTo(1);
        }
    }
}
