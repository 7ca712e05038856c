package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The steps of a trajectory as a format reads them: each added step gets the next index and comes back as its node,
 * so the format can add what steps share (time, parent, usage). Only members steps.cddl defines are written, and
 * absent values are left out rather than written as null, except a command's unknown exit code.
 */
public final class StepList {

    private final List<ObjectNode> steps = new ArrayList<>();
    private final TestRunRecognizer tests = new TestRunRecognizer();

    public ObjectNode message(String role, String content, @Nullable String model) {
        ObjectNode step = add("message").put("role", role).put("content", content);
        if (model != null) {
            step.put("model", model);
        }
        return step;
    }

    public ObjectNode reasoning(String content) {
        return add("reasoning").put("content", content);
    }

    public ObjectNode toolCall(String callId, String tool, String arguments) {
        return add("tool-call").put("call-id", callId).put("tool", tool).put("arguments", arguments);
    }

    public ObjectNode toolResult(String callId, String output, @Nullable Boolean isError) {
        ObjectNode step = add("tool-result").put("call-id", callId).put("output", output);
        if (isError != null) {
            step.put("is-error", isError);
        }
        return step;
    }

    public ObjectNode systemEvent(String event, @Nullable String data) {
        ObjectNode step = add("system-event").put("event", event);
        if (data != null) {
            step.put("data", data);
        }
        return step;
    }

    /** A command; {@code exitCode} null when the source did not record it (steps.cddl: never assumed 0). */
    public ObjectNode command(String command, @Nullable String cwd, @Nullable Integer exitCode,
            @Nullable String stdout, @Nullable String stderr, @Nullable Duration duration) {
        ObjectNode step = add("command").put("command", command);
        if (cwd != null && !cwd.isEmpty()) {
            step.put("cwd", cwd);
        }
        if (exitCode == null) {
            step.putNull("exit-code");
        } else {
            step.put("exit-code", exitCode);
        }
        if (stdout != null) {
            step.put("stdout", stdout);
        }
        if (stderr != null) {
            step.put("stderr", stderr);
        }
        if (duration != null && !duration.isNegative()) {
            step.put("duration", duration.toMillis());
        }
        return step;
    }

    /**
     * A test run, when {@code command} and {@code output} are one a {@link TestRunRecognizer} knows; its parent is the
     * step that ran it. Its output stays with that step, so the contents are disclosed once.
     */
    public Optional<ObjectNode> testRunOf(String command, @Nullable String output, ObjectNode ranBy) {
        if (output == null) {
            return Optional.empty();
        }
        return tests.recognize(command, output).map(run -> {
            ObjectNode step = add("test-run").put("command", command).put("framework", run.framework())
                    .put("passed", run.passed()).put("failed", run.failed());
            if (run.skipped() != null) {
                step.put("skipped", run.skipped());
            }
            if (!run.failures().isEmpty()) {
                run.failures().forEach(step.putArray("failures")::add);
            }
            step.put("parent", ranBy.get("index").asLong());
            copyTime(ranBy, step);
            return step;
        });
    }

    public ObjectNode fileRead(String path, @Nullable String content) {
        ObjectNode step = add("file-read").put("path", path);
        if (content != null) {
            step.put("content", content);
        }
        return step;
    }

    public ObjectNode fileEdit(String path, String diff) {
        return add("file-edit").put("path", path).put("diff", diff);
    }

    /** A human's input at a screen; {@code timeMs} the wall clock of the input in UTC milliseconds. */
    public ObjectNode uiInput(String input, long timeMs) {
        return add("ui-input").put("input", input).put("time-ms", timeMs);
    }

    /** The index the next step will get. */
    public int next() {
        return steps.size();
    }

    public List<ObjectNode> steps() {
        return List.copyOf(steps);
    }

    /** Sets a step's time: UTC milliseconds, with the timestamp as the source wrote it. */
    public static void time(ObjectNode step, @Nullable Timestamp time) {
        if (time != null) {
            step.put("time", time.instant().toEpochMilli());
            step.put("time-original", time.original());
        }
    }

    public static void parent(ObjectNode step, @Nullable ObjectNode parent) {
        if (parent != null) {
            step.put("parent", parent.get("index").asLong());
        }
    }

    public static void usage(ObjectNode step, @Nullable Usage usage) {
        if (usage != null) {
            step.set("usage", usageNode(usage));
        }
    }

    /** Usage as steps.cddl's {@code usage} map: the counts the source gave, none it did not. */
    public static ObjectNode usageNode(Usage usage) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (usage.inputTokens() != null) {
            node.put("input-tokens", usage.inputTokens());
        }
        if (usage.outputTokens() != null) {
            node.put("output-tokens", usage.outputTokens());
        }
        if (usage.cacheReadTokens() != null) {
            node.put("cache-read-tokens", usage.cacheReadTokens());
        }
        if (usage.costUsd() != null) {
            node.put("cost-usd", usage.costUsd());
        }
        return node;
    }

    private static void copyTime(ObjectNode from, ObjectNode to) {
        if (from.has("time")) {
            to.set("time", from.get("time"));
            to.set("time-original", from.get("time-original"));
        }
    }

    private ObjectNode add(String kind) {
        ObjectNode step = JsonNodeFactory.instance.objectNode().put("kind", kind).put("index", steps.size());
        steps.add(step);
        return step;
    }
}
