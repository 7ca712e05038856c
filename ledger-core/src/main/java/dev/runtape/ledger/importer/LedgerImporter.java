package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.domain.trajectory.CompleteTrajectory;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.StepContents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;

/**
 * Writes an imported trajectory into a ledger node as the commands a capture agent would send: the task if the
 * ledger does not know it yet, the trajectory's start, its steps in batches, and its completion; then its children,
 * each with this trajectory as its parent.
 *
 * <p>One trajectory with its children is written all or nothing. Every command's event id is derived from the
 * trajectory id, which formats derive from the file's bytes, and a command whose event is stored already is not sent
 * again: importing a file twice stores nothing the second time, not even a disclosure.
 */
public final class LedgerImporter {

    /** At most this many steps per StepsRecorded: one statement stays a size a client can verify comfortably. */
    public static final int BATCH = 1000;

    private final CommandGateway commands;
    private final EventLog log;
    private final Disclosures disclosures;
    private final StepContents contents;
    private final String principal;
    private final @Nullable String tenant;
    private final int batch;

    /** An importer whose statements name {@code principal}, in the node's default tenant. */
    public LedgerImporter(LedgerNode node, String principal) {
        this(node, principal, null, BATCH);
    }

    /** An importer whose statements name {@code principal} in {@code tenant} (the service's caller). */
    public LedgerImporter(LedgerNode node, String principal, String tenant) {
        this(node, principal, tenant, BATCH);
    }

    /** An importer that records at most {@code batch} steps per StepsRecorded event (1 to 1000). */
    public LedgerImporter(LedgerNode node, String principal, int batch) {
        this(node, principal, null, batch);
    }

    private LedgerImporter(LedgerNode node, String principal, @Nullable String tenant, int batch) {
        if (batch < 1 || batch > BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH + " steps: " + batch);
        }
        this.commands = node.commands();
        this.log = node.log();
        this.disclosures = node.disclosures();
        this.contents = new StepContents(disclosures);
        this.principal = principal;
        this.tenant = tenant;
        this.batch = batch;
    }

    /**
     * Writes the trajectory and its children atomically: every command runs in one unit of work, whose events the
     * ledger appends as one batch when it commits, so a refusal of any of them (a step the schemas reject, a conflict
     * with another writer) leaves the log as it was. Contents disclosed before the refusal stay in the content store,
     * unreferenced, as a refused artifact upload does.
     *
     * @throws ContentStoreException if a content could not be disclosed
     */
    public ImportResult write(ImportedTrajectory trajectory) throws ContentStoreException {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        ResultMessage<ImportResult> result = unit.executeWithResult(() -> write(trajectory, null, new HashSet<>()),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            if (cause instanceof ContentStoreException contentStore) {
                throw contentStore;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the import of " + trajectory.trajectoryId() + " failed", cause);
        }
        return result.getPayload();
    }

    /** {@code defined}: the tasks this import defines, which the log shows only once the unit of work commits. */
    private ImportResult write(ImportedTrajectory trajectory, @Nullable String parent, Set<String> defined)
            throws ContentStoreException {
        String id = trajectory.trajectoryId();
        int stored = 0;
        if (log.head(StreamId.of(StreamId.Kind.TASK, trajectory.taskId())).isEmpty()
                && defined.add(trajectory.taskId())) {
            String text = trajectory.taskText() == null ? "" : trajectory.taskText();
            stored += send(new DefineTask(trajectory.taskId(), disclosures.discloseText(text),
                    trajectory.taskFamily(), List.of(), trajectory.repository(), null),
                    "import/task/" + trajectory.taskId());
        }
        if (absent(eventId(id, "started"))) {
            stored += send(new StartTrajectory(id, trajectory.taskId(), trajectory.actor(), trajectory.model(), null,
                    trajectory.repository(), trajectory.started(), trajectory.sourceFormat(), null, parent),
                    eventId(id, "started"));
        }
        List<ObjectNode> steps = trajectory.steps();
        for (int from = 0; from < steps.size(); from += batch) {
            String eventId = eventId(id, "steps/" + from);
            if (!absent(eventId)) {
                continue;
            }
            List<Step> disclosed = contents.discloseAll(steps.subList(from, Math.min(steps.size(), from + batch)));
            stored += send(new RecordSteps(id, disclosed), eventId);
        }
        if (absent(eventId(id, "completed"))) {
            ContentRef diff = trajectory.finalDiff() == null ? null
                    : disclosures.discloseText(trajectory.finalDiff());
            stored += send(new CompleteTrajectory(id, trajectory.outcome(), List.of(), null,
                    trajectory.blockers().isEmpty() ? null : trajectory.blockers(), diff, trajectory.usage()),
                    eventId(id, "completed"));
        }
        List<ImportResult> children = new ArrayList<>();
        for (ImportedTrajectory child : trajectory.children()) {
            children.add(write(child, id, defined));
        }
        return new ImportResult(id, trajectory.taskId(), steps.size(), stored, children);
    }

    /** The event id of one command of a trajectory's import, e.g. {@code import/swe-agent-traj-.../steps/0}. */
    public static String eventId(String trajectoryId, String part) {
        return "import/" + trajectoryId + "/" + part;
    }

    private boolean absent(String eventId) {
        return log.findByEventId(eventId).isEmpty();
    }

    private int send(Object command, String eventId) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(LedgerMetaData.PRINCIPAL, principal);
        metadata.put(LedgerMetaData.EVENT_ID, eventId);
        if (tenant != null) {
            metadata.put(LedgerMetaData.TENANT, tenant);
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        return 1;
    }
}
