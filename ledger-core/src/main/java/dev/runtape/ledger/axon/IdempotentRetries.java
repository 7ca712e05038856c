package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Answers a retried command before it reaches its aggregate: when the event id it carries is stored already in the
 * stream it targets, the command is not handled again and the original outcome stands. Without this, a retry would
 * meet the aggregate as the first attempt left it (steps already recorded, a trajectory already completed) and be
 * refused. An id stored in another stream is not a retry: the command goes on, and the log refuses the id.
 */
final class IdempotentRetries implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventLog log;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    IdempotentRetries(EventLog log) {
        this.log = log;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object eventId = command.getMetaData().get(LedgerMetaData.EVENT_ID);
        if (eventId != null) {
            Optional<LogEntry> stored = log.findByEventId(eventId.toString());
            if (stored.isPresent() && stored.get().stream().value().equals(target(command))) {
                return stored.get().stream().value();
            }
        }
        return chain.proceed();
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "";
        }
    }
}
