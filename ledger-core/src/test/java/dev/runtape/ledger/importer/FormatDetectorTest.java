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
        "openhands/harbor-rfc.openhands_events.json, openhands",
        "openhands/runtime-traj.basic.json, openhands",
        "openhands/runtime-traj.basic_interactions.json, openhands",
        "openhands/runtime-traj.wrong_initial_state.json, openhands",
        "openhands/multi_swe_bench.output.jsonl, openhands",
        "openhands/resolver-mock.output.jsonl, openhands",
        "atif-harbor/openhands/hello-world.trajectory.json, atif",
        "atif-harbor/terminus_2/hello-world-invalid-json.trajectory.json, atif",
        "atif-harbor/terminus_2/hello-world-timeout.trajectory.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.summarization-1-summary.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.summarization-1-questions.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.summarization-1-answers.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization-linear-history.trajectory.json, atif",
        "atif-harbor/terminus_2/hello-world-context-summarization-linear-history.trajectory.cont-1.json, atif",
        "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl, codex-rollout",
        "codex-cli/rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl, codex-rollout",
        "codex-cli/rollout-2026-02-23T20-34-25-019c8bfe-ec25-79e0-97d7-bda6a9c575ff.jsonl, codex-rollout",
        "gemini-cli/harbor-rfc.gemini-cli-session.json, gemini-cli-session",
        "aider/chat-history.excerpt.md, aider-chat-history",
        "human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl, opencua-agentnet-events",
        "human-computer-use/opencua-agentnet/agentnetbench.s_df0fd37049f470c2.json, opencua-agentnet-trajectory",
        "human-computer-use/opencua-agentnet/standardized-raw_example.jsonl, opencua-agentnet-trajectory",
        "atif-harbor/terminus_2/hello-world-invalid-json.traces.json, harbor-traces",
        "swe-agent/pydicom__pydicom-1458.all_preds.jsonl, swe-bench-predictions",
        "mini-swe-agent/results.preds.json, swe-bench-predictions",
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

        assertThatThrownBy(() -> detector.choose(source, "atif-1")).isInstanceOf(ImportException.class)
                .hasMessageEndingWith("--format: expected one of swe-agent-traj, mini-swe-agent, claude-code-jsonl, "
                        + "openhands, atif, harbor-traces, codex-rollout, gemini-cli-session, aider-chat-history, "
                        + "opencua-agentnet-events, opencua-agentnet-trajectory, swe-bench-predictions, vac-record, "
                        + "vac-signed-record, found \"atif-1\"");
    }

    @Test
    void aFileNoFormatRecognisesIsRefusedNamingTheCandidates() throws Exception {
        SourceFile manifest = sample("codex-cli/sanitization-manifest.json");

        assertThatThrownBy(() -> detector.choose(manifest, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("format detection: expected a file of one of swe-agent-traj, mini-swe-agent, "
                        + "claude-code-jsonl")
                .hasMessageContaining("--format");
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnyFormatIsAsked() {
        SourceFile empty = new SourceFile(Path.of("empty.jsonl"), "".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> detector.choose(empty, null)).isInstanceOf(ImportException.class)
                .hasMessage("empty.jsonl: line 1: expected a trajectory, found an empty file");
    }
}
