package dev.runtape.api.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.axon.TimeOrderedIdentifiers;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.StepContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Appends straight to the ledger: the same commands, disclosures, signatures and durable appends as the HTTP path,
 * without HTTP, JSON, authentication or the service's checks. The peer the HTTP path is measured against.
 */
final class LedgerAppender implements Appender {

    private final CommandGateway commands;
    private final Disclosures disclosures;
    private final StepContents contents;
    private final String principal;
    private final String tenant;

    LedgerAppender(LedgerNode node, String principal, String tenant) {
        this.commands = node.commands();
        this.disclosures = node.disclosures();
        this.contents = new StepContents(disclosures);
        this.principal = principal;
        this.tenant = tenant;
    }

    @Override
    public String path() {
        return "ledger";
    }

    @Override
    public void defineTask(String taskId) throws ContentStoreException {
        send(new DefineTask(taskId, disclosures.discloseText("Make tests/test_parser.py pass"), "bench",
                List.of(), null, null));
    }

    @Override
    public void start(String taskId, String trajectoryId) {
        send(new StartTrajectory(trajectoryId, taskId, new Actor.Agent("runtape-bench", null), null, null, null, null,
                null, null, null));
    }

    @Override
    public void append(String trajectoryId, long firstIndex, int count) throws ContentStoreException {
        List<ObjectNode> open = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            open.add(BenchSteps.step(firstIndex + i));
        }
        send(new RecordSteps(trajectoryId, contents.discloseAll(open)));
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.PRINCIPAL, principal, LedgerMetaData.TENANT, tenant,
                LedgerMetaData.EVENT_ID, TimeOrderedIdentifiers.next())));
    }
}
