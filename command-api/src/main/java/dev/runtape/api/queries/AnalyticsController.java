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
import dev.runtape.projections.analytics.Activity;
import dev.runtape.projections.analytics.TrajectoryAnalysis;
import dev.runtape.projections.analytics.TrajectoryAnalyzer;
import dev.runtape.verifier.FormatException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /trajectories/{id}/analytics}: how the run went, computed from its stored steps as they are now (a
 * redacted text no longer counts): steps and time per activity, recoveries, loops, files edited never read, whether
 * tests ran after the last edit, and the heuristic's step labels.
 */
@RestController
public class AnalyticsController {

    private final TenantGuard tenants;
    private final StoredTrajectoryReader reader;

    public AnalyticsController(LedgerNode node, TenantGuard tenants) {
        this.tenants = tenants;
        this.reader = new StoredTrajectoryReader(node.log(), node.disclosures());
    }

    @GetMapping(path = "/trajectories/{id}/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode analytics(@PathVariable String id) throws FormatException, ContentStoreException {
        return json(id, TrajectoryAnalyzer.analyze(read(id).steps()));
    }

    /** The stored trajectory, if the caller's tenant holds it. */
    ImportedTrajectory read(String id) throws FormatException, ContentStoreException {
        tenants.checkExisting(CallerArgument.current(), StreamId.of(StreamId.Kind.TRAJECTORY, id));
        return reader.read(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no trajectory " + id));
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
