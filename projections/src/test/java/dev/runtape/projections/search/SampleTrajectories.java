package dev.runtape.projections.search;

import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real trajectories from {@code shared/samples}, read with the project's importers and mapped with
 * {@link TrajectoryDocuments}: what the contract suite indexes. Labels and QA reviews are other events than an
 * import, so some documents get them here, as the projection would when those events arrive.
 */
final class SampleTrajectories {

    static final List<String> FILES = List.of(
            "swe-agent/pydicom__pydicom-1458.traj",
            "swe-agent/swe-agent__test-repo-i1.traj",
            "swe-agent/ctf-pwn-warmup.traj",
            "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj",
            "mini-swe-agent/github_issue.traj.json",
            "mini-swe-agent/local.traj.json",
            "mini-swe-agent/harbor-rfc.mini-swe-agent-1.traj.json",
            "claude-code/short.jsonl",
            "claude-code/tool_heavy.jsonl",
            "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl",
            "codex-cli/rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl",
            "gemini-cli/harbor-rfc.gemini-cli-session.json",
            "openhands/runtime-traj.basic.json",
            "openhands/harbor-rfc.openhands_events.json",
            "atif-harbor/openhands/hello-world.trajectory.json",
            "aider/chat-history.excerpt.md",
            "human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl");

    private static final List<ImportedTrajectory> IMPORTED = importAll();

    private SampleTrajectories() {
    }

    /** Every sample trajectory (children too) as a document of {@code tenant}. */
    static List<TrajectoryDocument> documents(String tenant) {
        List<TrajectoryDocument> documents = new ArrayList<>();
        for (ImportedTrajectory trajectory : IMPORTED) {
            documents.addAll(TrajectoryDocuments.withChildren(tenant, trajectory));
        }
        List<TrajectoryDocument> reviewed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            TrajectoryDocument document = documents.get(i);
            if (i % 3 == 0) {
                document = document.withLabels(List.of("wrong-file", "needs-review"));
            } else if (i % 3 == 1) {
                document = document.withLabels(List.of("good-recovery"));
            }
            if (i % 4 == 0) {
                document = document.withQaStatus("accept");
            } else if (i % 4 == 1) {
                document = document.withQaStatus("reject");
            }
            reviewed.add(document);
        }
        return reviewed;
    }

    private static List<ImportedTrajectory> importAll() {
        List<ImportedTrajectory> imported = new ArrayList<>();
        for (String file : FILES) {
            Path path = SharedFiles.sample(file);
            try {
                imported.add(ImportFormats.detector().choose(SourceFile.read(path), null).read(SourceFile.read(path)));
            } catch (ImportException e) {
                throw new IllegalStateException("a sample no longer imports: " + e.getMessage(), e);
            }
        }
        return imported;
    }
}
