package dev.runtape.api.server;

import dev.runtape.api.security.ApiKeys;
import dev.runtape.ledger.node.LedgerNode;
import java.io.PrintStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the service where it listens, where its data is and, on the ledger's first start, the admin
 * API key (also in {@code <data>/admin-api-key}, readable by its owner only): the one time it is shown. Off with
 * {@code runtape.startup-report=false}, for a service another command runs inside itself ({@code runtape bench http},
 * whose standard output is its report).
 */
@Component
@ConditionalOnProperty(name = "runtape.startup-report", havingValue = "true", matchIfMissing = true)
public class StartupReport {

    private final LedgerNode node;
    private final ApiKeys apiKeys;
    private final PrintStream out = System.out;

    public StartupReport(LedgerNode node, ApiKeys apiKeys) {
        this.node = node;
        this.apiKeys = apiKeys;
    }

    @EventListener
    public void onStarted(WebServerInitializedEvent event) {
        out.println("Runtape is listening on http://localhost:" + event.getWebServer().getPort());
        out.println("  data directory: " + node.settings().dataDirectory());
        out.println("  event log:      " + node.settings().store());
        apiKeys.firstAdminKey().ifPresent(key -> {
            out.println("  admin API key:  " + key + "   (shown once; also in "
                    + apiKeys.adminKeyFile() + ")");
        });
    }
}
