package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.OpenedDisclosure;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading back what an import stored: a trajectory's stream, its steps and their disclosed contents. */
public final class ImportFixture {

    private ImportFixture() {
    }

    /** A sample of {@code shared/samples}, read in place. */
    public static SourceFile sample(String relative) throws ImportException {
        return SourceFile.read(SharedFiles.sample(relative));
    }

    public static Path samplePath(String relative) {
        return SharedFiles.sample(relative);
    }

    public static List<LogEntry> stream(LedgerNode node, String trajectoryId) {
        return node.log().readStream(StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId), 0, 100_000);
    }

    public static TrajectoryStarted started(LedgerNode node, String trajectoryId) throws Exception {
        LogEntry first = stream(node, trajectoryId).getFirst();
        return PayloadCodec.decode(Statement.read(first.statement()).payload(), TrajectoryStarted.class);
    }

    public static TrajectoryCompleted completed(LedgerNode node, String trajectoryId) throws Exception {
        LogEntry last = stream(node, trajectoryId).getLast();
        return PayloadCodec.decode(Statement.read(last.statement()).payload(), TrajectoryCompleted.class);
    }

    /** Every step of the trajectory as stored: contents as references. */
    public static List<Step> storedSteps(LedgerNode node, String trajectoryId) throws Exception {
        List<Step> steps = new ArrayList<>();
        for (LogEntry entry : stream(node, trajectoryId)) {
            if (entry.eventType().equals("StepsRecorded")) {
                steps.addAll(PayloadCodec.decode(Statement.read(entry.statement()).payload(), StepsRecorded.class)
                        .steps());
            }
        }
        return steps;
    }

    /** The text a stored step's content member discloses. */
    public static String opened(LedgerNode node, Step step, String member) throws Exception {
        JsonNode ref = step.get(member);
        return opened(node, new ContentRef(Digest.of(ref.get("digest").binaryValue()), null, null));
    }

    public static String opened(LedgerNode node, ContentRef ref) throws Exception {
        OpenedDisclosure opened = node.disclosures().open(ref);
        return ((CborTextString) ((OpenedDisclosure.Revealed) opened).disclosure().value()).value();
    }

    public static long count(List<ObjectNode> steps, String kind) {
        return steps.stream().filter(step -> step.path("kind").asText().equals(kind)).count();
    }
}
