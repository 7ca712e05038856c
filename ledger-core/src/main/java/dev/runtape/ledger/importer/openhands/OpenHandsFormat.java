package dev.runtape.ledger.importer.openhands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ExitCodes;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.RecordGroup;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenHands' event stream and its evaluation output.
 *
 * <p>An event stream is a JSON list of events, each an {@code action} or an {@code observation} (the observation's
 * {@code cause} names its action; old resolver histories have no ids and an observation answers the action before it).
 * An action the model made with a {@code tool_call_metadata} is a tool call (its call id and function, the arguments
 * from the model response), preceded by the reply's text ({@code thought}) as an assistant message; usage is counted
 * once per model response. Its observation, parent the call: {@code run} a command (exit code from
 * {@code metadata.exit_code} or {@code exit_code}, else the "[Command finished with exit code N]" text, else unknown;
 * cwd the working directory; duration from the action's time to the observation's), {@code read} a file read,
 * {@code edit} a file edit with the observation's unified diff followed by the tool's answer (a failed edit a tool
 * result with is-error), any other observation a tool result ({@code error} and observations of actions without
 * a call a system event). {@code system} and {@code message} actions are messages, {@code think} a reasoning step,
 * {@code recall} a system event, {@code finish} the final assistant message.
 *
 * <p>An evaluation output line ({@code instance_id}/{@code instance}, or a resolver's {@code issue}) adds the task text
 * ({@code instruction}), the repository and base commit, the model of {@code metadata.llm_config}, the git patch as
 * the final diff, the run's usage and cost from {@code metrics}, and its outcome: the resolver's {@code success},
 * aborted with the {@code error} as blocker, else unknown (not evaluated). A file of several lines is a trajectory with
 * a system event per instance, each line its child.
 */
public final class OpenHandsFormat implements TrajectoryFormat {

    public static final String NAME = "openhands";
    /** Actions that are steps of their own, not calls, when no tool call made them. */
    private static final Set<String> UNTYPED_ACTIONS = Set.of("system", "message", "think", "recall", "finish", "run",
            "read", "edit");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(16384);
        String start = head.stripLeading();
        if (start.startsWith("[") && start.substring(1).stripLeading().startsWith("{")
                && head.contains("\"source\"") && (head.contains("\"action\"") || head.contains("\"observation\""))
                && head.contains("\"timestamp\"")) {
            return 0.9;
        }
        if (start.startsWith("{") && head.contains("\"instruction\"")
                && (head.contains("\"test_result\"") || head.contains("\"git_patch\""))
                && (head.contains("\"instance_id\"") || head.contains("\"issue\""))) {
            return 0.9;
        }
        return 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        String start = source.head(64).stripLeading();
        if (start.startsWith("[")) {
            StepList steps = new StepList();
            Read read = readEvents(source, JsonInput.document(source), "$", steps, null);
            return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, RecordGroup.stem(source),
                    read.task(), NAME,
                    new Actor.Agent(NAME, null), read.model(), null, read.started(), steps.steps(), Outcome.UNKNOWN,
                    List.of(), null, read.usage(), List.of());
        }
        List<JsonInput.Line> lines = JsonInput.lines(source);
        if (lines.isEmpty()) {
            throw new ImportException(source.path(), "line 1", "expected an evaluation output line, found an empty "
                    + "file");
        }
        List<ImportedTrajectory> runs = new ArrayList<>();
        for (JsonInput.Line line : lines) {
            runs.add(readOutput(source, line, RecordGroup.childId(NAME, source, lines.size(), line.number())));
        }
        return RecordGroup.of(source, NAME, NAME, "instance", runs, run -> run.taskId() + ": " + run.outcome().wire()
                + (run.blockers().isEmpty() ? "" : " (" + String.join("; ", run.blockers()) + ")"));
    }

    private ImportedTrajectory readOutput(SourceFile source, JsonInput.Line line, String id) throws ImportException {
        JsonNode output = line.value();
        String at = line.at();
        if (!output.isObject()) {
            throw new ImportException(source.path(), at, "expected an object, found " + JsonInput.found(output));
        }
        JsonNode history = JsonInput.array(source, output, "history", at);
        JsonNode instance = output.path("instance");
        JsonNode issue = output.path("issue");
        String taskId = output.path("instance_id").asText(null);
        if (taskId == null && issue.isObject()) {
            // owner__repo-number, as SWE-bench names instances: a task id holds no "/"
            taskId = issue.path("owner").asText("") + "__" + issue.path("repo").asText("") + "-"
                    + issue.path("number").asText("");
        }
        if (taskId == null) {
            taskId = RecordGroup.stem(source) + "-" + line.number();
        }
        StepList steps = new StepList();
        Read events = readEvents(source, history, at + ".history", steps, output.path("instruction").asText(null));
        Model model = Models.of(output.path("metadata").path("llm_config").path("model").asText(null));
        Repository repository = null;
        String repo = instance.path("repo").asText(issue.isObject() ? issue.path("owner").asText("") + "/"
                + issue.path("repo").asText("") : "");
        String commit = instance.path("base_commit").asText(output.path("base_commit").asText(""));
        if (!repo.isEmpty() && !commit.isEmpty()) {
            repository = new Repository("https://github.com/" + repo, commit, null, null);
        }
        String patch = output.path("test_result").path("git_patch").asText(output.path("git_patch").asText(""));
        List<String> blockers = new ArrayList<>();
        Outcome outcome = Outcome.UNKNOWN;
        if (output.path("success").isBoolean()) {
            outcome = output.path("success").booleanValue() ? Outcome.SUCCESS : Outcome.FAILURE;
        }
        String error = output.path("error").asText(null);
        if (error != null && !error.isEmpty()) {
            outcome = Outcome.ABORTED;
            blockers.add(error);
        }
        String explanation = output.path("result_explanation").asText(null);
        if (explanation != null) {
            steps.systemEvent("result_explanation", explanation);
        }
        if (error != null && !error.isEmpty()) {
            steps.systemEvent("error", error);
        }
        Usage usage = metrics(output.path("metrics"));
        return new ImportedTrajectory(id, NAME, taskId, events.task(), NAME, agent(output),
                model == null ? events.model() : model, repository, events.started(), steps.steps(), outcome, blockers,
                patch.isEmpty() ? null : patch, usage == null ? events.usage() : usage, List.of());
    }

    private static Read readEvents(SourceFile source, JsonNode events, String at, StepList steps,
            @Nullable String instruction) throws ImportException {
        if (!events.isArray()) {
            throw new ImportException(source.path(), at, "expected a list of events, found "
                    + JsonInput.found(events));
        }
        Map<Long, Action> byId = new HashMap<>();
        Set<String> responses = new HashSet<>();
        Action last = null;
        String task = instruction;
        String firstModel = null;
        Instant started = null;
        Usage accumulated = null;
        long input = 0;
        long output = 0;
        long cached = 0;
        for (int i = 0; i < events.size(); i++) {
            String where = at + "[" + i + "]";
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw new ImportException(source.path(), where, "expected an event object, found "
                        + JsonInput.found(event));
            }
            if (!event.has("action") && !event.has("observation")) {
                throw new ImportException(source.path(), where, "expected an action or an observation, found "
                        + "neither");
            }
            Timestamp time = Timestamp.parse(event.path("timestamp").asText("")).orElse(null);
            if (started == null && time != null) {
                started = time.instant();
            }
            JsonNode metrics = event.path("llm_metrics");
            if (metrics.isObject()) {
                accumulated = metrics(metrics);
            }
            if (event.has("action")) {
                String action = JsonInput.text(source, event, "action", where);
                String sourceName = event.path("source").asText("agent");
                JsonNode args = event.path("args").isObject() ? event.path("args") : event;
                JsonNode call = event.path("tool_call_metadata");
                JsonNode response = call.path("model_response");
                String model = response.path("model").asText(null);
                firstModel = firstModel == null ? model : firstModel;
                boolean newResponse = response.isObject() && responses.add(response.path("id").asText(""));
                ObjectNode reply = null;
                String thought = args.path("thought").asText("");
                if (thought.isBlank() && newResponse) {
                    thought = Messages.text(response.path("choices").path(0).path("message").path("content"));
                }
                if (!thought.isBlank() && !action.equals("think") && !action.equals("finish")) {
                    reply = steps.message("assistant", thought, model);
                    StepList.time(reply, time);
                }
                ObjectNode callStep = null;
                if (call.isObject()) {
                    String callId = call.path("tool_call_id").asText("");
                    callStep = steps.toolCall(callId, call.path("function_name").asText(action),
                            arguments(response, callId, args));
                } else if (!UNTYPED_ACTIONS.contains(action)) {
                    // an old history names no call: the action is the call, named by its place in the history
                    callStep = steps.toolCall("event-" + i, action, args.toString());
                }
                if (callStep != null) {
                    StepList.parent(callStep, reply);
                    StepList.time(callStep, time);
                }
                ObjectNode anchor = callStep != null ? callStep : reply;
                if (newResponse && anchor != null) {
                    Usage usage = responseUsage(response.path("usage"));
                    StepList.usage(reply != null ? reply : anchor, usage);
                    if (usage != null) {
                        input += usage.inputTokens() == null ? 0 : usage.inputTokens();
                        output += usage.outputTokens() == null ? 0 : usage.outputTokens();
                        cached += usage.cacheReadTokens() == null ? 0 : usage.cacheReadTokens();
                    }
                }
                ObjectNode own = switch (action) {
                    case "system" -> steps.message("system", text(args, "content", event), null);
                    case "message" -> {
                        String role = sourceName.equals("user") ? "user" : "assistant";
                        String content = text(args, "content", event);
                        if (task == null && role.equals("user")) {
                            task = content;
                        }
                        yield steps.message(role, content, role.equals("assistant") ? model : null);
                    }
                    case "think" -> steps.reasoning(args.path("thought").asText(event.path("message").asText("")));
                    case "recall" -> steps.systemEvent("recall", args.path("query").asText(
                            event.path("message").asText("")));
                    case "finish" -> {
                        String text = args.path("final_thought").asText("");
                        if (text.isBlank()) {
                            text = args.path("thought").asText("");
                        }
                        if (text.isBlank()) {
                            text = event.path("message").asText("");
                        }
                        yield steps.message("assistant", text, model);
                    }
                    default -> null;
                };
                if (own != null) {
                    StepList.time(own, time);
                    if (!own.has("parent")) {
                        StepList.parent(own, anchor);
                    }
                    if (!own.has("usage") && newResponse && anchor == null) {
                        StepList.usage(own, responseUsage(response.path("usage")));
                    }
                }
                last = new Action(action, args, callStep, callStep != null ? callStep : reply, time, model);
                if (event.path("id").canConvertToLong()) {
                    byId.put(event.path("id").asLong(), last);
                }
            } else {
                String observation = JsonInput.text(source, event, "observation", where);
                Action cause = event.path("cause").canConvertToLong() ? byId.get(event.path("cause").asLong())
                        : event.has("id") ? null : last;
                observe(steps, observation, event, cause, time);
                if (cause == last) {
                    last = null;
                }
            }
        }
        Usage usage = accumulated != null ? accumulated
                : input + output > 0 ? new Usage(input, output, cached > 0 ? cached : null, null) : null;
        return new Read(task, Models.of(firstModel), started, usage);
    }

    private static void observe(StepList steps, String observation, JsonNode event, @Nullable Action cause,
            @Nullable Timestamp time) {
        String content = event.path("content").asText(event.path("message").asText(""));
        JsonNode extras = event.path("extras").isObject() ? event.path("extras") : event;
        ObjectNode parent = cause == null ? null : cause.anchor();
        ObjectNode step;
        switch (observation) {
            case "run" -> {
                JsonNode code = extras.path("metadata").path("exit_code");
                if (!code.canConvertToInt()) {
                    code = extras.path("exit_code");
                }
                Integer exit = code.isIntegralNumber() ? Integer.valueOf(code.intValue())
                        : ExitCodes.parse(content + extras.path("metadata").path("suffix").asText("")).orElse(null);
                String command = extras.path("command").asText(cause == null ? ""
                        : cause.args().path("command").asText(""));
                String cwd = extras.path("metadata").path("working_dir").asText(null);
                Duration duration = cause == null || cause.time() == null || time == null ? null
                        : Duration.between(cause.time().instant(), time.instant());
                step = steps.command(command, cwd, exit, content, null, duration);
                StepList.parent(step, parent);
                StepList.time(step, time);
                steps.testRunOf(command, content, step);
                return;
            }
            case "read" -> {
                if (!content.startsWith("ERROR:")) {
                    step = steps.fileRead(extras.path("path").asText(cause == null ? ""
                            : cause.args().path("path").asText("")), content);
                    break;
                }
                step = result(steps, cause, content, true);
            }
            case "edit" -> {
                String diff = extras.path("diff").asText("");
                if (diff.isEmpty() && content.startsWith("--- ")) {
                    diff = content;
                }
                String path = extras.path("path").asText(cause == null ? "" : cause.args().path("path").asText(""));
                if (!diff.isEmpty() && !content.startsWith("ERROR:")) {
                    ObjectNode edit = steps.fileEdit(path, diff);
                    StepList.parent(edit, parent);
                    StepList.time(edit, time);
                    String answer = extras.path("formatted_output_and_error").asText(content);
                    step = result(steps, cause, answer, null);
                } else {
                    step = result(steps, cause, content, content.startsWith("ERROR:") ? Boolean.TRUE : null);
                }
            }
            default -> {
                if (cause != null && cause.call() != null) {
                    step = result(steps, cause, content, observation.equals("error") ? Boolean.TRUE : null);
                } else {
                    step = steps.systemEvent(observation, content);
                }
            }
        }
        StepList.parent(step, parent);
        StepList.time(step, time);
    }

    private static ObjectNode result(StepList steps, @Nullable Action cause, String output, @Nullable Boolean error) {
        if (cause == null || cause.call() == null) {
            return steps.systemEvent(cause == null ? "observation" : cause.action() + "-observation", output);
        }
        return steps.toolResult(cause.call().path("call-id").asText(), output, error);
    }

    /** The arguments of the call as the model wrote them, else the action's own arguments. */
    private static String arguments(JsonNode response, String callId, JsonNode args) {
        for (JsonNode choice : response.path("choices")) {
            for (JsonNode call : choice.path("message").path("tool_calls")) {
                if (call.path("id").asText("").equals(callId)) {
                    JsonNode arguments = call.path("function").path("arguments");
                    return arguments.isTextual() ? arguments.textValue() : arguments.toString();
                }
            }
        }
        return args.toString();
    }

    private static String text(JsonNode args, String member, JsonNode event) {
        JsonNode value = args.path(member);
        return value.isMissingNode() || value.isNull() ? event.path("message").asText("") : Messages.text(value);
    }

    private static @Nullable Usage responseUsage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        return new Usage(usage.path("prompt_tokens").canConvertToLong() ? usage.path("prompt_tokens").asLong() : null,
                usage.path("completion_tokens").canConvertToLong() ? usage.path("completion_tokens").asLong() : null,
                cached.canConvertToLong() && cached.asLong() > 0 ? cached.asLong() : null, null);
    }

    /** A run's totals: {@code accumulated_token_usage} and {@code accumulated_cost}. */
    private static @Nullable Usage metrics(JsonNode metrics) {
        if (!metrics.isObject()) {
            return null;
        }
        JsonNode tokens = metrics.path("accumulated_token_usage");
        JsonNode cost = metrics.path("accumulated_cost");
        Long in = tokens.path("prompt_tokens").canConvertToLong() ? tokens.path("prompt_tokens").asLong() : null;
        Long out = tokens.path("completion_tokens").canConvertToLong() ? tokens.path("completion_tokens").asLong()
                : null;
        JsonNode cacheRead = tokens.path("cache_read_tokens");
        Long cached = cacheRead.canConvertToLong() && cacheRead.asLong() > 0 ? cacheRead.asLong() : null;
        if (in == null && out == null && !cost.isNumber()) {
            return null;
        }
        return new Usage(in, out, cached, cost.isNumber() ? cost.doubleValue() : null);
    }

    private static Actor agent(JsonNode output) {
        JsonNode metadata = output.path("metadata");
        return new Actor.Agent(NAME, metadata.path("git_commit").asText(null));
    }

    /** What an event stream says besides its steps. */
    private record Read(@Nullable String task, @Nullable Model model, @Nullable Instant started,
            @Nullable Usage usage) {
    }

    /** An action waiting for its observation: the call its result answers, or the reply a command without one does. */
    private record Action(String action, JsonNode args, @Nullable ObjectNode call, @Nullable ObjectNode anchor,
            @Nullable Timestamp time, @Nullable String model) {
    }
}
