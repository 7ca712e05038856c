package dev.runtape.ledger.importer.opencua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AgentNet recording's {@code events.jsonl}: one input event per line, {@code time_stamp} a monotonic performance
 * counter in seconds, and {@code metadata.json} beside it, whose {@code start_time} (wall clock, local time without an
 * offset, taken as UTC) was taken when the screen video started at counter {@code video_start_timestamp}.
 *
 * <p>Each input is a ui-input step whose time and {@code time-ms} are the wall clock, {@code start_time} plus the
 * counter's distance from {@code video_start_timestamp}, and whose {@code time-original} is the counter as written: a
 * button press and its release are one click at the press (a drag, with {@code dx}/{@code dy} to the release, when the
 * pointer moved), a scroll a scroll with the wheel's {@code dx}/{@code dy} as recorded, a key press a key (its release
 * is not a step). Pointer moves are the trace between inputs and are not imported. The recording's metadata (system,
 * screen) is a "recording" system event; the task is {@code task_name} of the metadata, else of
 * {@code task_name.json} beside it. What the recorder noted beside the inputs goes in at its time as system events:
 * each window brought to the front ({@code top_window.jsonl}) a "window", the element under the pointer at a click
 * ({@code element.jsonl}, its control type and name) a "ui-element"; {@code event_buffer.jsonl} and
 * {@code reduced_events_complete.jsonl} are the tool's own groupings of the same inputs (by their {@code event_idx})
 * and are not imported a second time. The actor is a human operator, named by a pseudonym derived from the recording
 * folder's name, never by the folder name itself (AgentNet names it after the annotator's e-mail address).
 */
public final class OpenCuaFormat implements TrajectoryFormat {

    public static final String NAME = "opencua-agentnet-events";
    private static final Set<String> ACTIONS = Set.of("move", "click", "scroll", "press", "release");
    private static final Set<String> BUTTONS = Set.of("left", "right", "middle");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        String first = head.strip().lines().findFirst().orElse("");
        if (!first.startsWith("{") || !head.contains("\"event_idx\"") || head.contains("\"pre_move\"")
                || head.contains("\"start_time\"")) {
            return 0;
        }
        JsonNode event = JsonInput.embedded(first);
        if (event == null || !event.path("time_stamp").isNumber()
                || !ACTIONS.contains(event.path("action").asText(""))) {
            return 0;
        }
        return source.name().equals("events.jsonl") ? 0.9 : 0.6;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        Path folder = source.path().toAbsolutePath().getParent();
        SourceFile metadataFile = beside(source, folder, "metadata.json");
        JsonNode metadata = JsonInput.document(metadataFile);
        if (!metadata.isObject()) {
            throw new ImportException(metadataFile.path(), "$", "expected the recording's metadata object, found "
                    + JsonInput.found(metadata));
        }
        String startText = JsonInput.text(metadataFile, metadata, "start_time", "$");
        Instant start;
        try {
            start = LocalDateTime.parse(startText.strip(), WALL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ImportException(metadataFile.path(), "$.start_time", "expected a time like "
                    + "\"2024-11-05 18:56:31\", found \"" + startText + "\"", e);
        }
        JsonNode videoStart = metadata.get("video_start_timestamp");
        if (videoStart == null || !videoStart.isNumber()) {
            throw new ImportException(metadataFile.path(), "$.video_start_timestamp", "expected a number, found "
                    + JsonInput.found(videoStart));
        }
        double counterAtStart = videoStart.doubleValue();
        StepList steps = new StepList();
        StepList.time(steps.systemEvent("recording", metadata.toString()),
                new Timestamp(start, startText));
        Map<String, Press> pressed = new HashMap<>();
        Deque<Context> context = context(folder);
        for (JsonInput.Line line : JsonInput.lines(source)) {
            JsonNode event = line.value();
            if (!event.isObject()) {
                throw new ImportException(source.path(), line.at(), "expected an event object, found "
                        + JsonInput.found(event));
            }
            String action = JsonInput.text(source, event, "action", line.at());
            JsonNode counter = event.get("time_stamp");
            if (counter == null || !counter.isNumber()) {
                throw new ImportException(source.path(), line.at() + ".time_stamp", "expected a number, found "
                        + JsonInput.found(counter));
            }
            Timestamp time = wall(start, counterAtStart, counter);
            while (!context.isEmpty() && context.peekFirst().counter().doubleValue() <= counter.doubleValue()) {
                place(steps, context.removeFirst(), start, counterAtStart);
            }
            switch (action) {
                case "move", "release" -> {
                }
                case "click" -> {
                    String button = event.path("button").asText("");
                    if (event.path("pressed").asBoolean(false)) {
                        pressed.put(button, new Press(event, time));
                    } else {
                        Press press = pressed.remove(button);
                        click(steps, press == null ? new Press(event, time) : press, event);
                    }
                }
                case "scroll" -> {
                    ObjectNode step = input(steps, "scroll", event, time);
                    step.put("dx", event.path("dx").asInt()).put("dy", event.path("dy").asInt());
                }
                case "press" -> input(steps, "key", event, time).put("key",
                        event.path("name").asText(event.path("pynput_key").asText("")));
                default -> StepList.time(steps.systemEvent(action, event.toString()), time);
            }
        }
        for (Press press : pressed.values()) {
            click(steps, press, press.event());
        }
        while (!context.isEmpty()) {
            place(steps, context.removeFirst(), start, counterAtStart);
        }
        String task = metadata.path("task_name").isTextual() ? metadata.path("task_name").textValue()
                : task(folder);
        String recording = folder == null || folder.getFileName() == null ? source.shortDigest()
                : folder.getFileName().toString();
        String pseudonym = "agentnet-" + Digest.sha256(recording.getBytes(StandardCharsets.UTF_8)).hex()
                .substring(0, 16);
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, pseudonym + "-"
                + source.shortDigest().substring(0, 16), task, "computer-use", new Actor.Operator(pseudonym), null,
                null, start, steps.steps(), Outcome.UNKNOWN, List.of(), null, null, List.of());
    }

    private record Press(JsonNode event, Timestamp time) {
    }

    /** What the recorder noted beside the inputs: a window coming to the front, the element under the pointer. */
    private record Context(JsonNode counter, String event, String data) {
    }

    private static Timestamp wall(Instant start, double counterAtStart, JsonNode counter) {
        return new Timestamp(start.plusMillis(Math.round((counter.doubleValue() - counterAtStart) * 1000)),
                counter.asText());
    }

    private static void place(StepList steps, Context noted, Instant start, double counterAtStart) {
        StepList.time(steps.systemEvent(noted.event(), noted.data()), wall(start, counterAtStart, noted.counter()));
    }

    /**
     * {@code top_window.jsonl} and {@code element.jsonl} beside the events, when the recording has them, in the
     * order of their counters; an entry without a numeric counter is refused naming its file and line.
     */
    private static Deque<Context> context(@Nullable Path folder) throws ImportException {
        List<Context> noted = new ArrayList<>();
        for (String name : List.of("top_window.jsonl", "element.jsonl")) {
            Path file = folder == null ? null : folder.resolve(name);
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            SourceFile sidecar = SourceFile.readBeside(file);
            for (JsonInput.Line line : JsonInput.lines(sidecar)) {
                JsonNode counter = line.value().get("time_stamp");
                if (counter == null || !counter.isNumber()) {
                    throw new ImportException(sidecar.path(), line.at() + ".time_stamp", "expected a number, found "
                            + JsonInput.found(counter));
                }
                if (name.startsWith("top_window")) {
                    noted.add(new Context(counter, "window", line.value().path("top_window_name").asText("")));
                } else {
                    JsonNode element = line.value().path("a11y_tree");
                    noted.add(new Context(counter, "ui-element", element.path("ControlType").asText("")
                            + " \"" + element.path("Name").asText("") + "\""));
                }
            }
        }
        noted.sort(Comparator.comparingDouble(context -> context.counter().doubleValue()));
        return new ArrayDeque<>(noted);
    }

    /** A press and its release: a click where it was pressed, or a drag when the pointer moved before release. */
    private static void click(StepList steps, Press press, JsonNode release) {
        int dx = release.path("x").asInt() - press.event().path("x").asInt();
        int dy = release.path("y").asInt() - press.event().path("y").asInt();
        ObjectNode step = input(steps, dx == 0 && dy == 0 ? "click" : "drag", press.event(), press.time());
        String button = press.event().path("button").asText("");
        if (BUTTONS.contains(button)) {
            step.put("button", button);
        }
        if (dx != 0 || dy != 0) {
            step.put("dx", dx).put("dy", dy);
        }
    }

    private static ObjectNode input(StepList steps, String input, JsonNode event, Timestamp time) {
        ObjectNode step = steps.uiInput(input, time.instant().toEpochMilli());
        StepList.time(step, time);
        if (event.path("x").isIntegralNumber() && event.path("y").isIntegralNumber()) {
            step.put("x", event.path("x").asInt()).put("y", event.path("y").asInt());
        }
        return step;
    }

    private static SourceFile beside(SourceFile source, @Nullable Path folder, String name) throws ImportException {
        Path file = folder == null ? Path.of(name) : folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ImportException(source.path(), name + " beside it", "expected the recording's " + name
                    + " in the same folder, found none");
        }
        return SourceFile.readBeside(file);
    }

    private static @Nullable String task(@Nullable Path folder) throws ImportException {
        Path file = folder == null ? null : folder.resolve("task_name.json");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        SourceFile named = SourceFile.readBeside(file);
        JsonNode node = JsonInput.document(named);
        return node.path("task_name").isTextual() ? node.path("task_name").textValue() : null;
    }
}
