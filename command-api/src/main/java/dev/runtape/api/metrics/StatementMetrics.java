package dev.runtape.api.metrics;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.node.LedgerNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Counts the statements this node appends, by event type ({@code runtape.statements.appended}). It listens on the
 * event bus, which hears of events only once the storage engine has appended them, so refused commands and retries
 * answered from the log are not counted, and statements from every path (commands, {@code POST /entries}) are.
 */
@Component
public class StatementMetrics implements DisposableBean {

    static final String APPENDED = "runtape.statements.appended";

    private final MeterRegistry registry;
    private final Registration subscription;

    public StatementMetrics(LedgerNode node, MeterRegistry registry) {
        this.registry = registry;
        this.subscription = node.axon().eventBus().subscribe(this::appended);
    }

    private void appended(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            String type = EventCatalogue.eventType(event.getPayload()).orElse("unknown");
            Counter.builder(APPENDED).description("Statements appended to the log by this node, by event type")
                    .tag("event.type", type).register(registry).increment();
        }
    }

    @Override
    public void destroy() {
        subscription.cancel();
    }
}
