package dev.runtape.ledger.importer.aider;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Aider chat history excerpt of shared/samples/aider: 37 sessions of Aider's own development. */
class AiderFormatTest {

    private static final String SAMPLE = "aider/chat-history.excerpt.md";

    private final AiderFormat format = new AiderFormat();

    private static List<ObjectNode> of(ImportedTrajectory run, String kind) {
        return run.steps().stream().filter(s -> s.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void everyInputReplyEditAndCommandOfTheHistoryIsAStep() throws Exception {
        ImportedTrajectory run = format.read(sample(SAMPLE));

        assertThat(of(run, "message").stream().filter(s -> s.path("role").asText().equals("user")))
                .as("74 inputs, less 41 of Aider's commands and 4 /test runs").hasSize(29);
        assertThat(of(run, "message").stream().filter(s -> s.path("role").asText().equals("assistant")))
                .hasSize(41);
        assertThat(run.count("file-edit")).as("41 complete SEARCH/REPLACE blocks; 6 cut off or malformed")
                .isEqualTo(41);
        assertThat(run.count("command")).as("7 lint runs and 4 /test").isEqualTo(11);
        assertThat(run.count("test-run")).isEqualTo(4);
        assertThat(of(run, "system-event").stream().filter(s -> s.path("event").asText().equals("chat-started")))
                .hasSize(37);
        assertThat(of(run, "system-event").stream().filter(s -> s.path("event").asText().equals("aider-command")))
                .hasSize(41);
        assertThat(run.actor()).isEqualTo(new Actor.Agent("aider", "0.47.2-dev"));
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-3-5-sonnet-20240620"));
        assertThat(run.usage().inputTokens()).as("the sum of 35 Tokens lines").isEqualTo(530_066);
        assertThat(run.started()).isEqualTo(Instant.parse("2024-08-05T19:33:02Z"));
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.taskText()).startsWith("# Fix any errors below, if possible.\n\n## Running: ");
    }

    @Test
    void aSearchReplaceBlockIsAUnifiedDiffOfItsTwoTextsParentTheReply() throws Exception {
        ImportedTrajectory run = format.read(sample(SAMPLE));

        ObjectNode edit = of(run, "file-edit").getFirst();
        assertThat(edit.path("path").asText()).isEqualTo("aider/utils.py");
        assertThat(edit.path("diff").asText()).startsWith("--- a/aider/utils.py\n+++ b/aider/utils.py\n"
                + "@@ -1,44 +1,39 @@\n def run_install(cmd):\n     print()\n");
        assertThat(edit.path("diff").asText()).contains("\n-        spinner = itertools.cycle(");
        ObjectNode reply = run.steps().get(edit.path("parent").asInt());
        assertThat(reply.path("role").asText()).isEqualTo("assistant");
        assertThat(reply.path("content").asText()).startsWith("Certainly! I'll modify the `run_install` function");
        assertThat(reply.path("model").asText()).isEqualTo("claude-3-5-sonnet-20240620");
        assertThat(reply.path("usage").path("input-tokens").asLong()).isEqualTo(5244);
        assertThat(reply.path("usage").path("output-tokens").asLong()).isEqualTo(604);
        assertThat(reply.path("usage").path("cost-usd").asDouble()).isEqualTo(0.02);
        ObjectNode task = run.steps().get(reply.path("index").asInt() - 1);
        assertThat(task.path("content").asText()).isEqualTo("Use the Spinner instead of the inlined custom spinner");
    }

    @Test
    void lintRunsAndTestRunsAreCommandsWithTheExitCodeTheTextGivesOrNone() throws Exception {
        ImportedTrajectory run = format.read(sample(SAMPLE));
        List<ObjectNode> commands = of(run, "command");

        ObjectNode lint = commands.getFirst();
        assertThat(lint.path("command").asText())
                .isEqualTo("/Users/gauthier/Projects/aider/tmp.lint.sh tests/basic/test_repomap.py");
        assertThat(lint.path("exit-code").asInt()).as("flake8's \"exit code: 1\"").isEqualTo(1);
        assertThat(lint.path("stdout").asText()).startsWith("isort......").contains("F821 undefined name 'GitRepo'");
        assertThat(commands.stream().filter(c -> c.path("exit-code").asInt(-1) == 1)).hasSize(7);
        ObjectNode pytest = commands.get(1);
        assertThat(pytest.path("command").asText()).isEqualTo("pytest tests/basic/test_repomap.py");
        assertThat(pytest.get("exit-code").isNull()).as("Aider does not write /test's exit code").isTrue();
        assertThat(pytest.path("stdout").asText()).startsWith("============================= test session starts")
                .endsWith("========================= 1 failed, 6 passed in 3.28s ==========================");
        ObjectNode tests = run.steps().get(pytest.path("index").asInt() + 1);
        assertThat(tests.path("kind").asText()).isEqualTo("test-run");
        assertThat(tests.path("parent").asInt()).isEqualTo(pytest.path("index").asInt());
        assertThat(tests.path("passed").asLong()).isEqualTo(6);
        assertThat(tests.path("failed").asLong()).isEqualTo(1);
        assertThat(tests.path("failures").get(0).asText())
                .isEqualTo("tests/basic/test_repomap.py::TestRepoMapAllLanguages::test_get_repo_map_subtree_only");
    }

    @Test
    void eachSessionHeaderIsAnEventAtItsTime() throws Exception {
        ImportedTrajectory run = format.read(sample(SAMPLE));

        ObjectNode first = of(run, "system-event").stream()
                .filter(s -> s.path("event").asText().equals("chat-started")).findFirst().orElseThrow();
        assertThat(first.path("time").asLong()).isEqualTo(1_722_886_382_000L);
        assertThat(first.path("time-original").asText()).isEqualTo("2024-08-05 19:33:02");
    }

    @Test
    void aHistoryCutInsideAidersOutputFailsNamingTheLineItStarts() throws Exception {
        SourceFile whole = sample(SAMPLE);
        String text = whole.text();
        int start = text.indexOf("\n> ============================= test session starts") + 1;
        byte[] cut = text.substring(0, start + 400).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> format.read(new SourceFile(whole.path(), cut))).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line 2145: expected Aider's output");
    }

    @Test
    void aHistoryCutInsideASearchReplaceBlockFailsNamingItsLine() throws Exception {
        SourceFile whole = sample(SAMPLE);
        String text = whole.text();
        int search = text.indexOf("<<<<<<< SEARCH\n");
        byte[] cut = text.substring(0, search + 40).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> format.read(new SourceFile(whole.path(), cut))).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line 119: expected the SEARCH/REPLACE block");
    }

    @Test
    void bytesThatAreNotUtf8FailNamingTheirLineAndOffset() throws Exception {
        SourceFile whole = sample(SAMPLE);
        byte[] garbled = Arrays.copyOf(whole.bytes(), 3000);
        garbled[2000] = (byte) 0xff;
        int line = 1;
        for (int i = 0; i < 2000; i++) {
            line += garbled[i] == '\n' ? 1 : 0;
        }

        assertThatThrownBy(() -> format.read(new SourceFile(whole.path(), garbled)))
                .isInstanceOf(ImportException.class)
                .hasMessage(whole.path() + ": line " + line + " (byte 2000): expected UTF-8 text, found byte 0xff");
    }

    @Test
    void markdownThatIsNoChatHistoryIsRefused() {
        SourceFile notes = new SourceFile(Path.of("notes.md"), "# Notes\n\nSome text.\n".getBytes(
                StandardCharsets.UTF_8));

        assertThat(format.detect(notes)).isZero();
        assertThatThrownBy(() -> format.read(notes)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("notes.md: line 1: expected an Aider chat history");
    }

    @Test
    void detectionIsSureOfTheHistory() throws Exception {
        assertThat(format.detect(sample(SAMPLE))).isGreaterThan(0.9);
        assertThat(format.detect(sample("gemini-cli/harbor-rfc.gemini-cli-session.json"))).isZero();
    }
}
