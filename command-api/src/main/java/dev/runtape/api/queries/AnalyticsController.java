package dev.runtape.api.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.projections.analytics.Activity;
import dev.runtape.projections.analytics.AnalyticsAggregate;
import dev.runtape.projections.analytics.AnalyticsAggregates;
import dev.runtape.projections.analytics.TrajectoryAnalysis;
import dev.runtape.projections.analytics.TrajectoryAnalyzer;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /trajectories/{id}/analytics}: how the run went, computed from its stored steps as they are now (a
 * redacted text no longer counts): steps and time per activity, recoveries, loops, files edited never read, whether
 * tests ran after the last edit, and the heuristic's step labels.
 */
@RestController
public class AnalyticsController {

    private final TenantGuard tenants;
    private final EventLog log;
    private final StoredTrajectoryReader reader;

    public AnalyticsController(LedgerNode node, TenantGuard tenants) {
        this.tenants = tenants;
        this.log = node.log();
        this.reader = new StoredTrajectoryReader(node.log(), node.disclosures());
    }

    @GetMapping(path = "/trajectories/{id}/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode analytics(@PathVariable String id) throws FormatException, ContentStoreException {
        return json(id, TrajectoryAnalyzer.analyze(read(id).steps()));
    }

    /**
     * {@code GET /analytics?group=agent|model}: the analyses of every trajectory of the caller's tenant, averaged
     * per agent or per model. It reads the log through (the projection that keeps them is still to come), so it is
     * for a curator's question, not a dashboard's refresh.
     */
    @GetMapping(path = "/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode aggregates(@RequestParam(name = "group", defaultValue = "agent") String group)
            throws FormatException, ContentStoreException {
        if (!group.equals("agent") && !group.equals("model")) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "group: expected agent or model, found \"" + group
                    + "\"");
        }
        String tenant = CallerArgument.current().tenant();
        List<AnalyticsAggregates.Analysed> analysed = new ArrayList<>();
        for (long after = 0; ; ) {
            List<LogEntry> page = log.readAfter(after, 1000);
            for (LogEntry entry : page) {
                if (entry.eventType().equals("TrajectoryStarted") && entry.tenant().equals(tenant)) {
                    Optional<ImportedTrajectory> run = reader.readAlone(entry.stream().aggregateId());
                    run.ifPresent(r -> analysed.add(new AnalyticsAggregates.Analysed(agent(r.actor()),
                            r.model() == null ? "unknown" : r.model().provider() + "/" + r.model().id(),
                            TrajectoryAnalyzer.analyze(r.steps()))));
                }
            }
            if (page.size() < 1000) {
                break;
            }
            after = page.getLast().position();
        }
        List<AnalyticsAggregate> aggregates = group.equals("agent") ? AnalyticsAggregates.byAgent(analysed)
                : AnalyticsAggregates.byModel(analysed);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("group", group).put("trajectories",
                analysed.size());
        ArrayNode groups = body.putArray("groups");
        for (AnalyticsAggregate aggregate : aggregates) {
            ObjectNode node = groups.addObject().put("key", aggregate.key())
                    .put("trajectories", aggregate.trajectories())
                    .put("mean-recoveries", aggregate.meanRecoveries()).put("loop-share", aggregate.loopShare())
                    .put("tests-after-last-edit-share", aggregate.testsAfterLastEditShare())
                    .put("mean-edited-never-read", aggregate.meanEditedNeverRead());
            ObjectNode steps = node.putObject("mean-steps");
            ObjectNode millis = node.putObject("mean-millis");
            for (Activity activity : Activity.values()) {
                steps.put(activity.wire(), aggregate.meanSteps().get(activity));
                millis.put(activity.wire(), aggregate.meanMillis().get(activity));
            }
        }
        return body;
    }

    private static String agent(Actor actor) {
        return actor instanceof Actor.Agent agent ? agent.agent() : "operator";
    }

    /** The stored trajectory, if the caller's tenant holds it. */
    ImportedTrajectory read(String id) throws FormatException, ContentStoreException {
        tenants.checkExisting(CallerArgument.current(), StreamId.of(StreamId.Kind.TRAJECTORY, id));
        return reader.readAlone(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no trajectory " + id));
    }

    static ObjectNode json(String id, TrajectoryAnalysis analysis) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode().put("trajectory-id", id);
        ObjectNode steps = body.putObject("steps");
        ObjectNode millis = body.putObject("millis");
        for (Activity activity : Activity.values()) {
            steps.put(activity.wire(), analysis.steps().getOrDefault(activity, 0));
            millis.put(activity.wire(), analysis.millis().getOrDefault(activity, 0L));
        }
        ArrayNode recoveries = body.putArray("recoveries");
        analysis.recoveries().forEach(r -> recoveries.addObject().put("failed", r.failed())
                .put("recovered", r.recovered()));
        ArrayNode loops = body.putArray("loops");
        analysis.loops().forEach(loop -> {
            ObjectNode node = loops.addObject().put("command", loop.command()).put("times", loop.times());
            loop.steps().forEach(node.putArray("steps")::add);
        });
        analysis.editedNeverRead().stream().sorted().forEach(body.putArray("edited-never-read")::add);
        body.put("tests-after-last-edit", analysis.testsAfterLastEdit());
        ArrayNode labels = body.putArray("labels");
        analysis.labels().forEach((step, action) -> labels.addObject().put("step", step)
                .put("action", action.wire()));
        return body;
    }
}
