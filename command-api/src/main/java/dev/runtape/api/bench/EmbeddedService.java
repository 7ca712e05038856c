package dev.runtape.api.bench;

import dev.runtape.api.server.RuntapeApplication;
import dev.runtape.ledger.node.LedgerNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service the benchmark runs in its own JVM, on its embedded defaults under a data directory, on a free port:
 * the ledger path appends to its node, and the HTTP path to its port unless another server is named.
 */
final class EmbeddedService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path data;

    private EmbeddedService(ConfigurableApplicationContext context, Path data) {
        this.context = context;
        this.data = data;
    }

    static EmbeddedService start(Path data) {
        SpringApplication application = new SpringApplication(RuntapeApplication.class);
        application.setLogStartupInfo(false);
        ConfigurableApplicationContext context = application.run("--runtape.data=" + data, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.dev.runtape=WARN", "--runtape.startup-report=false");
        return new EmbeddedService(context, data);
    }

    LedgerNode node() {
        return context.getBean(LedgerNode.class);
    }

    URI uri() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The admin key the service wrote on its first start. */
    String adminKey() throws IOException {
        return Files.readString(data.resolve("admin-api-key")).trim();
    }

    @Override
    public void close() {
        context.close();
    }
}
