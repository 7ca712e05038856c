package dev.runtape.projections.tracking;

import dev.runtape.ledger.axon.StoredEvent;
import dev.runtape.ledger.log.LogEntry;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Hands a tracking processor's batch to a {@link BatchProjection} whole: each event of the batch's unit of work is
 * noted by its log entry, and the entries go to the projection as the unit of work prepares to commit, so a search
 * index commits once a batch and not once an event. An event that is not one of the ledger's stored events (nothing
 * else feeds this processor) is refused.
 */
final class BatchInvoker implements EventHandlerInvoker {

    private static final String BATCH = BatchInvoker.class.getName() + ".batch";

    private final BatchProjection projection;
    private final Runnable afterBatch;

    /** @param afterBatch told after every batch the projection took in, on the processor's thread */
    BatchInvoker(BatchProjection projection, Runnable afterBatch) {
        this.projection = projection;
        this.afterBatch = afterBatch;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return true;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) {
        LogEntry entry = StoredEvent.entryOf(message).orElseThrow(() -> new IllegalStateException(
                "not an event of the ledger's log: " + message.getIdentifier()));
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<LogEntry> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<LogEntry> entries = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> {
                try {
                    projection.apply(entries);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("the projection could not take in entries " + entries.getFirst()
                            .position() + " to " + entries.getLast().position() + ": " + e.getMessage(), e);
                }
            });
            unitOfWork.root().afterCommit(u -> afterBatch.run());
            return entries;
        });
        batch.add(entry);
    }

    @Override
    public boolean supportsReset() {
        return true;
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    @Override
    public <R> void performReset(R resetContext) {
        try {
            projection.clear();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the projection could not be cleared for a replay: " + e.getMessage(), e);
        }
    }
}
