package dev.runtape.ledger.node;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.verifier.Digest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * The child process of {@link CrashRecoveryTest}: starts a node on a data directory and appends from several threads
 * until it is killed, printing {@code ACK <event id>} for every command whose events are stored, only after the
 * command returned. Arguments: the data directory, a run name (unique per start), the number of writer threads.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String run = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        LedgerNode node = LedgerNode.start(NodeSettings.embedded(data).withIntegrator(
                NodeSettings.embedded(data).integrator().withCheckpointEvery(25, Duration.ofMillis(100))));
        synchronized (out) {
            out.println("STARTED");
            out.flush();
        }
        for (int t = 0; t < threads; t++) {
            String writer = run + "-w" + t;
            Thread.ofPlatform().name(writer).start(() -> write(node, writer, out));
        }
        Thread.currentThread().join(); // until killed
    }

    private static void write(LedgerNode node, String writer, PrintStream out) {
        for (int trajectory = 0; ; trajectory++) {
            String id = writer + "-t" + trajectory;
            send(node, out, id + "-start", new StartTrajectory(id, "crash-task", new Actor.Agent("crash-agent", null),
                    null, null, null, null, null, null, null));
            for (int batch = 0; batch < 5; batch++) {
                send(node, out, id + "-steps-" + batch, new RecordSteps(id, List.of(step(batch * 2L),
                        step(batch * 2L + 1))));
            }
        }
    }

    private static void send(LedgerNode node, PrintStream out, String eventId, Object command) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(LedgerMetaData.EVENT_ID, eventId, LedgerMetaData.PRINCIPAL, "crash-writer")));
        synchronized (out) {
            out.println("ACK " + eventId);
            out.flush();
        }
    }

    private static Step step(long index) {
        ObjectNode step = JsonNodeFactory.instance.objectNode().put("kind", "message").put("index", index)
                .put("role", "assistant");
        step.set("content", JsonNodeFactory.instance.objectNode()
                .put("digest", Digest.sha256(Long.toString(index).getBytes()).bytes()));
        return Step.of(step);
    }
}
