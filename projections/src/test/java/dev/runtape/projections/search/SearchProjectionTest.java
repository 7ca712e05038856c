package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
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
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index fed from a real node's log: imports, a label, a redaction that takes text out, a rebuild. */
class SearchProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private static void send(LedgerNode node, Object command) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.PRINCIPAL, "reviewer")));
    }

    private static List<String> ids(TrajectorySearch search, SearchQuery query) throws Exception {
        return search.search(query).hits().stream().map(SearchHit::id).toList();
    }

    /** The digest of the first command output of the trajectory whose text holds {@code word}. */
    private static Digest outputHolding(LedgerNode node, String trajectoryId, String word) throws Exception {
        for (LogEntry entry : node.log().readStream(StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId), 0, 1000)) {
            if (!entry.eventType().equals("StepsRecorded")) {
                continue;
            }
            for (Step step : PayloadCodec.decode(Statement.read(entry.statement()).payload(), StepsRecorded.class)
                    .steps()) {
                if (step.kind().equals("command") && step.get("stdout") != null) {
                    Digest digest = Digest.of(step.get("stdout").get("digest").binaryValue());
                    OpenedDisclosure opened = node.disclosures().open(new ContentRef(digest, null, null));
                    if (opened instanceof OpenedDisclosure.Revealed revealed
                            && revealed.disclosure().value() instanceof CborTextString text
                            && text.value().contains(word)) {
                        return digest;
                    }
                }
            }
        }
        throw new AssertionError("no command output of " + trajectoryId + " holds " + word);
    }

    @Test
    void theIndexFollowsTheLogAndARedactedTextCanNoLongerBeFound() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
                TrajectorySearch search = LuceneTrajectorySearch.open(directory.resolve("index"))) {
            ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(
                    "mini-swe-agent/github_issue.traj.json")), null);
            new LedgerImporter(node, "importer").write(run);
            SearchProjection projection = new SearchProjection(node.log(), node.axon().eventStore(),
                    node.disclosures(), search, directory.resolve("index.position"), 100);

            assertThat(projection.catchUp(WAIT)).isTrue();

            assertThat(projection.position()).isEqualTo(node.log().lastPosition());
            assertThat(ids(search, SearchQuery.of("default").withText("Traceback")))
                    .containsExactly(run.trajectoryId());
            assertThat(ids(search, SearchQuery.of("other-tenant").withText("Traceback"))).isEmpty();

            send(node, new ApplyLabel(run.trajectoryId(), "l-1", null, LabelApplied.Category.FAILURE, "flaky", null));
            Digest stdout = outputHolding(node, run.trajectoryId(), "Traceback");
            send(node, new ApplyRedaction(run.trajectoryId(), List.of(stdout), RedactionApplied.Kind.REDACT,
                    "a traceback with a path"));
            node.content().delete(stdout);
            assertThat(projection.catchUp(WAIT)).isTrue();
            projection.reindex(run.trajectoryId()); // as the service does once the contents are deleted

            assertThat(ids(search, SearchQuery.of("default").withText("Traceback")))
                    .as("the redacted text is gone from the index").isEmpty();
            assertThat(ids(search, SearchQuery.of("default").withFilter(SearchFilter.terms(SearchField.LABEL,
                    "flaky")))).containsExactly(run.trajectoryId());

            projection.reset();
            assertThat(projection.catchUp(WAIT)).isTrue();
            assertThat(projection.replays()).isEqualTo(1);
            assertThat(ids(search, SearchQuery.of("default").withFilter(SearchFilter.terms(SearchField.LABEL,
                    "flaky")))).as("rebuilt from position 0").containsExactly(run.trajectoryId());
            projection.close();
            try (SearchProjection restarted = new SearchProjection(node.log(), node.axon().eventStore(),
                    node.disclosures(), search, directory.resolve("index.position"), 100)) {
                assertThat(restarted.position()).as("kept across a restart").isEqualTo(node.log().lastPosition());
            }
        }
    }
}
