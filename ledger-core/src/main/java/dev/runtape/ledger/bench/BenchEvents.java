package dev.runtape.ledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events both engines append: one trajectory per writer thread, each event a {@code StepsRecorded} of four
 * steps (a message, a tool call, a command with its output as a disclosure, a message), as a capture agent sends
 * them.
 *
 * <p>The payloads are built before the measurement, {@value #PAYLOADS} different ones per writer taken in turn, so
 * that the writers' time goes to the engines and not to making up events; each event is still a new message with its
 * own identifier and sequence number, and both engines encode every payload afresh.
 */
final class BenchEvents {

    static final int PAYLOADS = 256;

    private final String stream;
    private final List<StepsRecorded> payloads = new ArrayList<>(PAYLOADS);
    private long nextRevision;

    BenchEvents(String trajectoryId) {
        this.stream = Streams.trajectory(trajectoryId);
        long step = 0;
        for (int i = 0; i < PAYLOADS; i++) {
            List<Step> steps = List.of(message(step++, "assistant"), toolCall(step++), command(step++),
                    message(step++, "tool"));
            payloads.add(new StepsRecorded(trajectoryId, steps));
        }
    }

    /** The next {@code size} events of this writer's trajectory, with consecutive sequence numbers. */
    List<DomainEventMessage<?>> nextBatch(int size) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StepsRecorded payload = payloads.get((int) (nextRevision % PAYLOADS));
            batch.add(new GenericDomainEventMessage<>("Trajectory", stream, nextRevision++, payload));
        }
        return batch;
    }

    private static ObjectNode base(long index, String kind) {
        ObjectNode step = JsonNodeFactory.instance.objectNode();
        step.put("kind", kind).put("index", index).put("time", 1_763_800_000_000L + index * 1500);
        return step;
    }

    private static ObjectNode contentRef(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("digest", Digest.sha256(bytes).bytes()).put("media-type", "text/plain").put("size", bytes.length);
        return ref;
    }

    private static Step message(long index, String role) {
        ObjectNode step = base(index, "message").put("role", role);
        step.set("content", contentRef("message " + index));
        return Step.of(step);
    }

    private static Step toolCall(long index) {
        ObjectNode step = base(index, "tool-call").put("call-id", "call-" + index).put("tool", "bash");
        step.set("arguments", contentRef("{\"command\": \"pytest -q\"}"));
        return Step.of(step);
    }

    private static Step command(long index) {
        ObjectNode step = base(index, "command").put("exit-code", 1);
        step.set("command", contentRef("pytest -q tests/test_core.py"));
        step.set("stdout", contentRef("1 failed, 41 passed in 3.2s"));
        return Step.of(step);
    }
}
