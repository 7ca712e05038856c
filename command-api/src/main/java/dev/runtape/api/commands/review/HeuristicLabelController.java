package dev.runtape.api.commands.review;

import static dev.runtape.api.commands.review.QaController.trajectory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.trajectory.ApplyLabel;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.projections.analytics.SemanticAction;
import dev.runtape.projections.analytics.TrajectoryAnalyzer;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /trajectories/{id}/heuristic-labels}: records the analyser's step labels as process labels whose
 * source is the heuristic: label id {@code heuristic-STEP}, value the semantic action, a comment saying where it came
 * from. Each has an event id made from the trajectory and the step, so asking again stores only what is new, and a
 * label a reviewer retracted is not put back. Reviewers confirm a label by applying their own, or retract it.
 */
@RestController
public class HeuristicLabelController {

    private static final String COMMENT = "proposed by the step heuristic (dev.runtape.projections.analytics)";

    private final CommandSender sender;
    private final Disclosures disclosures;
    private final EventLog log;
    private final TenantGuard tenants;
    private final StoredTrajectoryReader reader;

    public HeuristicLabelController(CommandSender sender, LedgerNode node, TenantGuard tenants) {
        this.sender = sender;
        this.disclosures = node.disclosures();
        this.log = node.log();
        this.tenants = tenants;
        this.reader = new StoredTrajectoryReader(node.log(), node.disclosures());
    }

    @PostMapping("/trajectories/{id}/heuristic-labels")
    public ResponseEntity<ObjectNode> label(@PathVariable String id) throws FormatException, ContentStoreException {
        tenants.checkExisting(CallerArgument.current(), StreamId.of(StreamId.Kind.TRAJECTORY, id));
        var trajectory = reader.readAlone(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no trajectory " + id));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("trajectory-id", id);
        ArrayNode labels = body.putArray("labels");
        int stored = 0;
        for (Map.Entry<Long, SemanticAction> label : TrajectoryAnalyzer.analyze(trajectory.steps()).labels()
                .entrySet()) {
            String eventId = eventId(id, label.getKey());
            boolean known = log.findByEventId(eventId).isPresent();
            if (!known) {
                ApplyLabel command = new ApplyLabel(id, "heuristic-" + label.getKey(), label.getKey(),
                        LabelApplied.Category.PROCESS, label.getValue().wire(), disclosures.discloseText(COMMENT));
                sender.send(CallerArgument.current(), command, trajectory(id),
                        new CommandSender.Request(Optional.of(eventId), OptionalLong.empty()));
                stored++;
            }
            labels.addObject().put("step", label.getKey()).put("action", label.getValue().wire())
                    .put("label-id", "heuristic-" + label.getKey()).put("event-id", eventId).put("new", !known);
        }
        body.put("stored", stored);
        return stored > 0 ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    /** Short enough for any trajectory id: the event id pattern allows 128 characters. */
    private static String eventId(String trajectoryId, long step) {
        return "heuristic:" + Digest.sha256((trajectoryId + "\n" + step).getBytes(StandardCharsets.UTF_8)).hex()
                .substring(0, 40);
    }
}
