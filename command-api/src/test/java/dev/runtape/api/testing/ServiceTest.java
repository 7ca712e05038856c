package dev.runtape.api.testing;

import dev.runtape.api.server.RuntapeApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test against the whole service over real HTTP: Spring Boot on a free port, the embedded defaults (SQLite, local
 * content store) under a fresh data directory. Test classes share one running service (Spring's context cache), so
 * each test uses ids of its own. Metrics are exported as in production (Spring Boot's tests turn them off otherwise).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = RuntapeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    protected static final Path DATA = temporaryDataDirectory();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("runtape.data", DATA::toString);
        registry.add("runtape.checkpoints.every-interval", () -> "100ms");
    }

    /** A client for this service, authenticated as the first admin (tenant "default"). */
    protected HttpClientForTests admin() {
        return client().withApiKey(adminKey());
    }

    /** A client for this service, without credentials. */
    protected HttpClientForTests client() {
        return new HttpClientForTests("http://localhost:" + port);
    }

    protected static String adminKey() {
        try {
            return Files.readString(DATA.resolve("admin-api-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDataDirectory() {
        try {
            Path directory = Files.createTempDirectory("runtape-service-test");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
