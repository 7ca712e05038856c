package dev.runtape.ledger.importer.vac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Messages;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Verifiable Agent Conversation record ({@code verifiable-agent-record}, JSON): the inverse of
 * {@link VacRecords#export}. An entry with {@code runtape-kind} is the step of that kind with the entry's other
 * members; an entry of a record from elsewhere maps by its type: user and assistant a message (content's text, model
 * from {@code model-id}), reasoning a reasoning step, tool-call a tool call (input as its text or JSON, call id else
 * the entry's id), tool-result a tool result, system-event a system event (data as its {@code text}, else JSON); an
 * entry's children follow it, parent the entry. Ids of {@code parent-id} become step parents; a timestamp (RFC 3339 or
 * UTC ms) the step's time. The first user message is the task unless the session names it.
 */
public final class VacRecordFormat implements TrajectoryFormat {

    public static final String NAME = "vac-record";

    private static final Set<String> ENTRY_COMMON = Set.of("type", "timestamp", "id", "parent-id", "token-usage",
            "children");
    private static final Map<String, Set<String>> ENTRY_MEMBERS = Map.of(
            "user", Set.of("content", "model-id"),
            "assistant", Set.of("content", "model-id"),
            "tool-call", Set.of("name", "input", "call-id"),
            "tool-result", Set.of("output", "call-id", "status", "is-error"),
            "reasoning", Set.of("content", "encrypted", "subject"),
            "system-event", Set.of("event-type", "data"));
    private static final Set<String> BASE_KINDS = Set.of("message", "reasoning", "tool-call", "tool-result",
            "system-event");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(8192);
        if (!head.stripLeading().startsWith("{")) {
            return 0;
        }
        return head.contains("\"session\"") && head.contains("\"agent-meta\"") && head.contains("\"session-id\"")
                && head.contains("\"version\"") ? 0.95 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        JsonNode root = JsonInput.document(source);
        return read(source, root, "$", NAME + "-" + source.shortDigest(), NAME);
    }

    /** A record read from {@code at} in the source, e.g. a signed record's payload, as {@code sourceFormat}. */
    static ImportedTrajectory read(SourceFile source, JsonNode record, String at, String trajectoryId,
            String sourceFormat) throws ImportException {
        if (!record.isObject()) {
            throw new ImportException(source.path(), at, "expected a verifiable-agent-record object, found "
                    + JsonInput.found(record));
        }
        JsonInput.text(source, record, "version", at);
        JsonNode session = JsonInput.object(source, record, "session", at);
        String in = at + ".session";
        String sessionId = JsonInput.text(source, session, "session-id", in);
        JsonNode meta = JsonInput.object(source, session, "agent-meta", in);
        String modelId = JsonInput.text(source, meta, "model-id", in + ".agent-meta");
        String provider = JsonInput.text(source, meta, "model-provider", in + ".agent-meta");
        JsonNode entries = JsonInput.array(source, session, "entries", in);
        String cli = JsonInput.optionalText(meta, "cli-name");

        List<Flat> flat = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            flatten(source, entries.get(i), in + ".entries[" + i + "]", null, flat);
        }
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < flat.size(); i++) {
            String id = JsonInput.optionalText(flat.get(i).entry(), "id");
            if (id != null) {
                indexOfId.putIfAbsent(id, i);
            }
        }
        List<ObjectNode> steps = new ArrayList<>();
        String firstUser = null;
        for (int i = 0; i < flat.size(); i++) {
            ObjectNode step = step(source, flat.get(i), i, indexOfId);
            if (firstUser == null && step.path("kind").asText().equals("message")
                    && step.path("role").asText().equals("user")) {
                firstUser = step.path("content").asText();
            }
            steps.add(step);
        }

        String operator = JsonInput.optionalText(session, "runtape-operator-id");
        Actor actor = operator != null ? new Actor.Operator(operator)
                : new Actor.Agent(cli != null ? cli : VacRecords.UNKNOWN, JsonInput.optionalText(meta, "cli-version"));
        Model model = modelId.equals(VacRecords.UNKNOWN) && provider.equals(VacRecords.UNKNOWN) ? null
                : new Model(provider, modelId);
        String taskText = session.has("runtape-task-text") ? JsonInput.optionalText(session, "runtape-task-text")
                : firstUser;
        String family = JsonInput.optionalText(session, "runtape-task-family");
        Outcome outcome = Outcome.UNKNOWN;
        String wire = JsonInput.optionalText(session, "runtape-outcome");
        if (wire != null) {
            try {
                outcome = Outcome.valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportException(source.path(), in + ".runtape-outcome", "expected one of success, failure, "
                        + "partial, aborted, unknown, found " + JsonInput.found(session.get("runtape-outcome")));
            }
        }
        List<String> blockers = new ArrayList<>();
        session.path("runtape-blockers").forEach(blocker -> blockers.add(blocker.asText()));
        List<ImportedTrajectory> children = new ArrayList<>();
        JsonNode childRecords = session.path("runtape-children");
        for (int i = 0; i < childRecords.size(); i++) {
            children.add(read(source, childRecords.get(i), in + ".runtape-children[" + i + "]",
                    trajectoryId + "-c" + i, sourceFormat));
        }
        JsonNode vcs = record.path("vcs");
        Repository repository = vcs.path("repository").isTextual() && vcs.path("revision").isTextual()
                ? new Repository(vcs.get("repository").textValue(), vcs.get("revision").textValue(),
                        JsonInput.optionalText(vcs, "branch"), null)
                : null;
        Instant started = time(source, session.get("session-start"), in + ".session-start")
                .map(Timestamp::instant).orElse(null);
        return new ImportedTrajectory(trajectoryId, sourceFormat, sessionId, taskText,
                family != null ? family : cli != null ? cli : sourceFormat, actor, model, repository, started, steps, outcome,
                blockers, JsonInput.optionalText(session, "runtape-final-diff"),
                VacRecords.usage(session.path("runtape-usage")), children);
    }

    private record Flat(JsonNode entry, String at, @Nullable Integer parent) {
    }

    /** The entry, then its children (parent the entry), depth first. */
    private static void flatten(SourceFile source, JsonNode entry, String at, @Nullable Integer parent,
            List<Flat> flat) throws ImportException {
        if (!entry.isObject()) {
            throw new ImportException(source.path(), at, "expected an entry object, found " + JsonInput.found(entry));
        }
        String type = JsonInput.text(source, entry, "type", at);
        if (!ENTRY_MEMBERS.containsKey(type)) {
            throw new ImportException(source.path(), at + ".type", "expected one of user, assistant, tool-call, "
                    + "tool-result, reasoning, system-event, found " + JsonInput.found(entry.get("type")));
        }
        int index = flat.size();
        flat.add(new Flat(entry, at, parent));
        JsonNode children = entry.path("children");
        for (int i = 0; i < children.size(); i++) {
            flatten(source, children.get(i), at + ".children[" + i + "]", index, flat);
        }
    }

    private static ObjectNode step(SourceFile source, Flat flat, int index, Map<String, Integer> indexOfId)
            throws ImportException {
        JsonNode entry = flat.entry();
        String at = flat.at();
        String type = entry.get("type").textValue();
        String runtapeKind = JsonInput.optionalText(entry, "runtape-kind");
        String kind = runtapeKind != null ? runtapeKind : switch (type) {
            case "user", "assistant" -> "message";
            default -> type;
        };
        ObjectNode step = JsonNodeFactory.instance.objectNode().put("kind", kind).put("index", index);
        if (BASE_KINDS.contains(kind) && (kind.equals("message") ? !type.equals("system-event") : kind.equals(type))) {
            switch (kind) {
                case "message" -> {
                    step.put("role", type).put("content", Messages.text(entry.path("content")));
                    String model = JsonInput.optionalText(entry, "model-id");
                    if (model != null) {
                        step.put("model", model);
                    }
                }
                case "reasoning" -> step.put("content", Messages.text(entry.path("content")));
                case "tool-call" -> {
                    String callId = JsonInput.optionalText(entry, "call-id");
                    if (callId == null) {
                        callId = JsonInput.optionalText(entry, "id");
                    }
                    JsonNode input = entry.get("input");
                    if (input == null) {
                        throw new ImportException(source.path(), at + ".input", "expected the tool's input, found "
                                + "nothing");
                    }
                    step.put("call-id", callId == null ? "call-" + index : callId)
                            .put("tool", JsonInput.text(source, entry, "name", at))
                            .put("arguments", input.isTextual() ? input.textValue() : input.toString());
                }
                case "tool-result" -> {
                    JsonNode output = entry.get("output");
                    if (output == null) {
                        throw new ImportException(source.path(), at + ".output", "expected the tool's output, "
                                + "found nothing");
                    }
                    String callId = JsonInput.optionalText(entry, "call-id");
                    step.put("call-id", callId == null ? "" : callId).put("output", Messages.text(output));
                    if (entry.path("is-error").isBoolean()) {
                        step.put("is-error", entry.get("is-error").booleanValue());
                    }
                }
                default -> {
                    step.put("event", JsonInput.text(source, entry, "event-type", at));
                    JsonNode data = entry.get("data");
                    if (data != null && !data.isNull()) {
                        step.put("data", data.size() == 1 && data.path("text").isTextual()
                                ? data.get("text").textValue() : data.toString());
                    }
                }
            }
        }
        if (runtapeKind != null) {
            Set<String> reserved = ENTRY_MEMBERS.get(type);
            for (Map.Entry<String, JsonNode> member : entry.properties()) {
                String name = member.getKey();
                if (!ENTRY_COMMON.contains(name) && !reserved.contains(name) && !name.startsWith("runtape-")
                        && !step.has(name)) {
                    step.set(name, member.getValue());
                }
            }
        }
        JsonNode timestamp = entry.get("timestamp");
        if (timestamp != null) {
            Timestamp time = time(source, timestamp, at + ".timestamp").orElse(null);
            if (time != null) {
                step.put("time", time.instant().toEpochMilli());
                String original = JsonInput.optionalText(entry, "runtape-time-original");
                step.put("time-original", original != null ? original : time.original());
            }
        }
        String parentId = JsonInput.optionalText(entry, "parent-id");
        Integer parent = parentId != null && indexOfId.containsKey(parentId) ? indexOfId.get(parentId)
                : flat.parent();
        if (parent != null) {
            step.put("parent", parent.longValue());
        }
        if (entry.has("runtape-action")) {
            step.set("action", entry.get("runtape-action"));
        }
        JsonNode tokens = entry.path("token-usage");
        if (tokens.isObject()) {
            ObjectNode usage = step.putObject("usage");
            VacRecords.USAGE.forEach((runtape, vac) -> {
                if (tokens.has(vac)) {
                    usage.set(runtape, tokens.get(vac));
                }
            });
        }
        return step;
    }

    /** A timestamp as RFC 3339 text or UTC milliseconds; empty when absent. */
    private static java.util.Optional<Timestamp> time(SourceFile source, @Nullable JsonNode value, String at)
            throws ImportException {
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (value.isIntegralNumber() && value.asLong() >= 0) {
            return java.util.Optional.of(new Timestamp(Instant.ofEpochMilli(value.asLong()), value.asText()));
        }
        if (value.isTextual()) {
            java.util.Optional<Timestamp> parsed = Timestamp.parse(value.textValue());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        throw new ImportException(source.path(), at, "expected an RFC 3339 date-time or UTC milliseconds, found "
                + JsonInput.found(value));
    }
}
