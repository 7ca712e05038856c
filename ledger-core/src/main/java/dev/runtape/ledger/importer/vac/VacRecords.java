package dev.runtape.ledger.importer.vac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.StepList;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Exports an {@link ImportedTrajectory} as a Verifiable Agent Conversation record ({@code verifiable-agent-record} of
 * the draft's CDDL, JSON form); {@link VacRecordFormat} reads one back.
 *
 * <p>Each step becomes one entry, in order, with id {@code step-N} (N its index), its parent as {@code parent-id},
 * its time (UTC ms) as {@code timestamp}, its usage as {@code token-usage}, and its kind as {@code runtape-kind}
 * (with {@code runtape-time-original} and {@code runtape-action} when it has them):
 * <ul>
 *   <li>a user or assistant message a message entry (model as {@code model-id}); a system or tool message an event
 *       entry {@code message} with role, content and model as members;</li>
 *   <li>reasoning a reasoning entry; a tool call a tool-call entry (tool as name, the arguments text as input); a
 *       tool result a tool-result entry; a system event an event entry (its data as {@code data.text});</li>
 *   <li>the typed steps keep every member of theirs as a member of the entry: a command and a file read a
 *       tool-result entry (output the stdout or content, else empty), a file edit and a browser action a tool-call
 *       entry named by the kind (input the path or URL), a test run, a UI input and any other kind an event entry
 *       named by the kind.</li>
 * </ul>
 * The trajectory's task id is the session id; its model the agent meta (provider and id "unknown" when there is
 * none), its agent the CLI name and version; its repository the record's {@code vcs}; what the draft has no place
 * for (task text and family, an operator, outcome, blockers, final diff, usage, child trajectories as records) are
 * {@code runtape-*} members of the session.
 */
public final class VacRecords {

    /** The draft version the records follow. */
    public static final String VERSION = "3.0";
    static final String UNKNOWN = "unknown";
    static final Set<String> COMMON = Set.of("kind", "index", "time", "time-original", "parent", "action", "usage");
    static final Map<String, String> USAGE = usageNames();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VacRecords() {
    }

    public static ObjectNode export(ImportedTrajectory run) {
        ObjectNode record = NODES.objectNode().put("version", VERSION).put("id", run.trajectoryId());
        ObjectNode session = record.putObject("session");
        session.put("session-id", run.taskId());
        if (run.started() != null) {
            session.put("session-start", run.started().toString());
        }
        ObjectNode meta = session.putObject("agent-meta");
        Model model = run.model();
        meta.put("model-id", model == null ? UNKNOWN : model.id());
        meta.put("model-provider", model == null ? UNKNOWN : model.provider());
        if (run.actor() instanceof Actor.Agent agent) {
            meta.put("cli-name", agent.agent());
            if (agent.version() != null) {
                meta.put("cli-version", agent.version());
            }
        }
        ArrayNode entries = session.putArray("entries");
        run.steps().forEach(step -> entries.add(entry(step)));
        if (run.actor() instanceof Actor.Operator operator) {
            session.put("runtape-operator-id", operator.operatorId());
        }
        session.put("runtape-source-format", run.sourceFormat());
        session.put("runtape-task-family", run.taskFamily());
        if (run.taskText() != null) {
            session.put("runtape-task-text", run.taskText());
        }
        session.put("runtape-outcome", run.outcome().wire());
        if (!run.blockers().isEmpty()) {
            run.blockers().forEach(session.putArray("runtape-blockers")::add);
        }
        if (run.finalDiff() != null) {
            session.put("runtape-final-diff", run.finalDiff());
        }
        if (run.usage() != null) {
            session.set("runtape-usage", StepList.usageNode(run.usage()));
        }
        if (!run.children().isEmpty()) {
            ArrayNode children = session.putArray("runtape-children");
            run.children().forEach(child -> children.add(export(child)));
        }
        Repository repository = run.repository();
        if (repository != null) {
            ObjectNode vcs = record.putObject("vcs").put("type", "git").put("revision", repository.commit());
            if (repository.branch() != null) {
                vcs.put("branch", repository.branch());
            }
            vcs.put("repository", repository.url());
        }
        record.putObject("recording-agent").put("name", "runtape");
        return record;
    }

    /** The record as pretty-printed UTF-8 JSON, as a file holds it. */
    public static byte[] write(ObjectNode record) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static ObjectNode entry(ObjectNode step) {
        String kind = step.path("kind").asText();
        ObjectNode entry = NODES.objectNode();
        Set<String> mapped = switch (kind) {
            case "message" -> {
                String role = step.path("role").asText();
                if (role.equals("user") || role.equals("assistant")) {
                    entry.put("type", role).set("content", step.get("content"));
                    if (step.has("model")) {
                        entry.set("model-id", step.get("model"));
                    }
                    yield Set.of("role", "content", "model");
                }
                entry.put("type", "system-event").put("event-type", "message");
                yield Set.of();
            }
            case "reasoning" -> {
                entry.put("type", "reasoning").set("content", step.get("content"));
                yield Set.of("content");
            }
            case "tool-call" -> {
                entry.put("type", "tool-call").put("name", step.path("tool").asText())
                        .put("input", step.path("arguments").asText()).set("call-id", step.get("call-id"));
                yield Set.of("tool", "arguments", "call-id");
            }
            case "tool-result" -> {
                entry.put("type", "tool-result").put("output", step.path("output").asText())
                        .set("call-id", step.get("call-id"));
                if (step.has("is-error")) {
                    entry.set("is-error", step.get("is-error"));
                }
                yield Set.of("output", "call-id", "is-error");
            }
            case "system-event" -> {
                entry.put("type", "system-event").put("event-type", step.path("event").asText());
                if (step.has("data")) {
                    entry.putObject("data").set("text", step.get("data"));
                }
                yield Set.of("event", "data");
            }
            case "command" -> {
                entry.put("type", "tool-result").put("output", step.path("stdout").asText(""));
                yield Set.of();
            }
            case "file-read" -> {
                entry.put("type", "tool-result").put("output", step.path("content").asText(""));
                yield Set.of();
            }
            case "file-edit" -> {
                entry.put("type", "tool-call").put("name", kind).put("input", step.path("path").asText());
                yield Set.of();
            }
            case "browser-action" -> {
                entry.put("type", "tool-call").put("name", kind).put("input", step.path("url").asText());
                yield Set.of();
            }
            default -> {
                entry.put("type", "system-event").put("event-type", kind);
                yield Set.of();
            }
        };
        entry.put("id", id(step.path("index").asLong()));
        if (step.has("time")) {
            entry.set("timestamp", step.get("time"));
        }
        if (step.has("parent")) {
            entry.put("parent-id", id(step.get("parent").asLong()));
        }
        if (step.has("usage")) {
            ObjectNode usage = entry.putObject("token-usage");
            step.get("usage").properties().forEach(member -> {
                String name = USAGE.get(member.getKey());
                if (name != null) {
                    usage.set(name, member.getValue());
                }
            });
        }
        entry.put("runtape-kind", kind);
        if (step.has("time-original")) {
            entry.set("runtape-time-original", step.get("time-original"));
        }
        if (step.has("action")) {
            entry.set("runtape-action", step.get("action"));
        }
        step.properties().forEach(member -> {
            if (!COMMON.contains(member.getKey()) && !mapped.contains(member.getKey())) {
                entry.set(member.getKey(), member.getValue());
            }
        });
        return entry;
    }

    private static Map<String, String> usageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("input-tokens", "input");
        names.put("output-tokens", "output");
        names.put("cache-read-tokens", "cached");
        names.put("cost-usd", "cost");
        return Collections.unmodifiableMap(names);
    }

    static String id(long index) {
        return "step-" + index;
    }

    static @Nullable Usage usage(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new Usage(node.has("input-tokens") ? node.get("input-tokens").asLong() : null,
                node.has("output-tokens") ? node.get("output-tokens").asLong() : null,
                node.has("cache-read-tokens") ? node.get("cache-read-tokens").asLong() : null,
                node.has("cost-usd") ? node.get("cost-usd").asDouble() : null);
    }
}
