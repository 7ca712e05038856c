package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.domain.trajectory.RetractLabel;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.OpenedDisclosure;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.projections.search.lucene.LuceneTrajectorySearch;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild from position 0 gives the index that following the log as it grew gave, and both hold, for every
 * trajectory, the document of the trajectory as the ledger reads it back ({@link StoredTrajectoryReader}) with the
 * labels and review its stream gives: the replay's short cuts (documents made from the cycle's own entries, contents
 * read together) change nothing.
 */
class SearchReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final List<String> FILES = List.of(
            "mini-swe-agent/github_issue.traj.json",
            "claude-code/tool_heavy.jsonl",
            "swe-agent/swe-agent__test-repo-i1.traj",
            "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl",
            "openhands/runtime-traj.basic.json");

    @TempDir
    Path directory;

    private static void send(LedgerNode node, Object command) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.PRINCIPAL, "reviewer")));
    }

    @Test
    void anIndexRebuiltFromTheStartEqualsTheOneThatFollowedTheLog() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
                TrajectorySearch followed = LuceneTrajectorySearch.open(directory.resolve("followed"));
                TrajectorySearch rebuilt = LuceneTrajectorySearch.open(directory.resolve("rebuilt"))) {
            // five entries a cycle: most cycles see a trajectory's stream from its middle on
            SearchProjection follower = new SearchProjection(node.log(), node.axon().eventStore(),
                    node.disclosures(), followed, directory.resolve("followed.position"), 5);
            LedgerImporter importer = new LedgerImporter(node, "importer", 3); // three steps an event
            Map<String, List<String>> labels = new LinkedHashMap<>(); // what each labelled trajectory should show
            Map<String, String> reviews = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            for (String file : FILES) {
                ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(file)),
                        null);
                importer.write(run);
                assertThat(follower.catchUp(WAIT)).isTrue();
                ids.add(run.trajectoryId());
                if (ids.size() >= 2) { // an earlier trajectory, touched again after others were written
                    String earlier = ids.get(ids.size() - 2);
                    send(node, new ApplyLabel(earlier, "l-1", null, LabelApplied.Category.FAILURE, "flaky", null));
                    send(node, new ApplyLabel(earlier, "l-2", null, LabelApplied.Category.PROCESS, "slow", null));
                    send(node, new RetractLabel(earlier, "l-1", "not flaky after all"));
                    labels.put(earlier, List.of("slow"));
                    QaReviewed.Decision decision = ids.size() % 2 == 0 ? QaReviewed.Decision.ACCEPT
                            : QaReviewed.Decision.REJECT;
                    send(node, new ReviewQa(earlier, decision, "checked by hand", "qa-1"));
                    reviews.put(earlier, decision.wire());
                }
            }
            String redacted = ids.getFirst();
            Digest text = firstContent(node, redacted);
            String secret = textOf(node, text);
            send(node, new ApplyRedaction(redacted, List.of(text), RedactionApplied.Kind.REDACT, "a path"));
            node.content().delete(text);
            assertThat(follower.catchUp(WAIT)).isTrue();
            follower.reindex(redacted); // as the service does once the contents are deleted

            follower.close();
            SearchProjection replay = new SearchProjection(node.log(), node.axon().eventStore(), node.disclosures(),
                    rebuilt, directory.resolve("rebuilt.position"), 10_000);
            replay.reset();
            assertThat(replay.catchUp(WAIT)).isTrue();
            replay.close();

            StoredTrajectoryReader reader = new StoredTrajectoryReader(node.log(), node.disclosures());
            List<String> stored = trajectoryIds(node);
            assertThat(stored).as("children are trajectories of their own").hasSizeGreaterThanOrEqualTo(ids.size());
            for (String id : stored) {
                TrajectoryDocument expected = TrajectoryDocuments.of("default", reader.readAlone(id).orElseThrow())
                        .withLabels(labels.getOrDefault(id, List.of()))
                        .withQaStatus(reviews.getOrDefault(id, TrajectoryDocument.QA_UNREVIEWED));
                assertThat(followed.find("default", id)).as("followed: " + id).contains(expected);
                assertThat(rebuilt.find("default", id)).as("rebuilt: " + id).contains(expected);
            }
            assertThat(rebuilt.find("default", redacted).orElseThrow().text())
                    .as("the redacted text is in neither").noneMatch(part -> part.text().contains(secret))
                    .isEqualTo(followed.find("default", redacted).orElseThrow().text());
        }
    }

    /** The digest of the first content of the trajectory's first steps. */
    private static Digest firstContent(LedgerNode node, String trajectoryId) throws Exception {
        for (LogEntry entry : new StreamDocuments(node.log(), node.disclosures()).stream(trajectoryId)) {
            if (entry.eventType().equals("StepsRecorded")) {
                for (Step step : PayloadCodec.decode(Statement.read(entry.statement()).payload(),
                        StepsRecorded.class).steps()) {
                    if (step.get("content").path("digest").isBinary()) {
                        return Digest.of(step.get("content").get("digest").binaryValue());
                    }
                }
            }
        }
        throw new AssertionError(trajectoryId + " has no step with a content");
    }

    private static String textOf(LedgerNode node, Digest digest) throws Exception {
        OpenedDisclosure opened = node.disclosures().open(ContentRef.of(digest));
        return ((CborTextString) ((OpenedDisclosure.Revealed) opened).disclosure().value()).value();
    }

    private static List<String> trajectoryIds(LedgerNode node) {
        List<String> ids = new ArrayList<>();
        for (LogEntry entry : node.log().readAfter(0, 100_000)) {
            if (entry.eventType().equals("TrajectoryStarted")) {
                ids.add(entry.stream().aggregateId());
            }
        }
        return ids;
    }
}
