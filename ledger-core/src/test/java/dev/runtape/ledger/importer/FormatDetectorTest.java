package dev.runtape.ledger.importer;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Detection picks the right format for every sample of the formats done; --format overrides it. */
class FormatDetectorTest {

    private final FormatDetector detector = ImportFormats.detector();

    @ParameterizedTest
    @CsvSource({
        "swe-agent/pydicom__pydicom-1458.traj, swe-agent-traj",
        "swe-agent/swe-agent__test-repo-i1.traj, swe-agent-traj",
        "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj, swe-agent-traj",
        "swe-agent/ctf-pwn-warmup.traj, swe-agent-traj",
        "mini-swe-agent/github_issue.traj.json, mini-swe-agent",
        "mini-swe-agent/local.traj.json, mini-swe-agent",
        "mini-swe-agent/harbor-rfc.mini-swe-agent-1.traj.json, mini-swe-agent",
        "claude-code/short.jsonl, claude-code-jsonl",
        "claude-code/tool_heavy.jsonl, claude-code-jsonl",
        "claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl, claude-code-jsonl",
        "claude-code/4d5611e5-241a-462a-8d15-5122611a9569/subagents/agent-a2898e3.jsonl, claude-code-jsonl",
        "claude-code/4d5611e5-241a-462a-8d15-5122611a9569/subagents/agent-acompact-e1f845.jsonl, claude-code-jsonl",
        "gemini-cli/harbor-rfc.gemini-cli-session.json, gemini-cli-session",
        "aider/chat-history.excerpt.md, aider-chat-history",
        "human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl, opencua-agentnet-events",
    })
    void detectionPicksTheFormatOfEverySampleAndTheSampleImports(String file, String format) throws Exception {
        SourceFile source = sample(file);

        assertThat(detector.choose(source, null).name()).isEqualTo(format);
        assertThat(detector.read(source, null).steps()).isNotEmpty();
    }

    @Test
    void aNamedFormatOverridesDetection() throws Exception {
        SourceFile source = sample("swe-agent/pydicom__pydicom-1458.traj");

        assertThat(detector.choose(source, "mini-swe-agent").name()).isEqualTo("mini-swe-agent");
        assertThatThrownBy(() -> detector.read(source, "mini-swe-agent")).isInstanceOf(ImportException.class)
                .hasMessageContaining("$.messages: expected an array, found nothing");
    }

    @Test
    void anUnknownFormatNameIsRefusedListingTheKnownOnes() throws Exception {
        SourceFile source = sample("swe-agent/pydicom__pydicom-1458.traj");

        assertThatThrownBy(() -> detector.choose(source, "atif")).isInstanceOf(ImportException.class)
                .hasMessageEndingWith("--format: expected one of swe-agent-traj, mini-swe-agent, claude-code-jsonl, "
                        + "gemini-cli-session, aider-chat-history, opencua-agentnet-events, found \"atif\"");
    }

    @Test
    void aFileNoFormatRecognisesIsRefusedNamingTheCandidates() throws Exception {
        SourceFile predictions = sample("swe-agent/pydicom__pydicom-1458.all_preds.jsonl");

        assertThatThrownBy(() -> detector.choose(predictions, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("format detection: expected a file of one of swe-agent-traj, mini-swe-agent, "
                        + "claude-code-jsonl")
                .hasMessageContaining("--format");
    }

    @Test
    void anEmptyFileIsNoFormatAtAll() {
        SourceFile empty = new SourceFile(Path.of("empty.jsonl"), "".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> detector.choose(empty, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("empty.jsonl: format detection:");
    }
}
