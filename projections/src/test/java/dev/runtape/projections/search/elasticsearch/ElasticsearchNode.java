package dev.runtape.projections.search.elasticsearch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Elasticsearch node for the tests: the one at {@code RUNTAPE_TEST_ELASTICSEARCH_URL} when that is set, or
 * else one started once per test run with {@code ops/scripts/local-elasticsearch} from the distribution zip the build
 * fetched ({@code runtape.elasticsearch.zip}), in a temporary folder on a free port, stopped and removed when the run
 * ends. The folder is under the system's temporary directory so the unprivileged user the script runs the node as
 * (as root) can reach it wherever the project is checked out.
 */
public final class ElasticsearchNode implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static volatile String url;

    /** The node's URL, e.g. {@code http://127.0.0.1:40123}; set before the first test of a class that uses it. */
    public static String url() {
        if (url == null) {
            throw new IllegalStateException("no Elasticsearch node: extend the test with ElasticsearchNode");
        }
        return url;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String given = System.getenv("RUNTAPE_TEST_ELASTICSEARCH_URL");
        if (given != null && !given.isBlank()) {
            url = given;
            return;
        }
        url = context.getRoot().getStore(ExtensionContext.Namespace.create(ElasticsearchNode.class))
                .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).url();
    }

    /** A node this run started; closing it (at the end of the run) stops it and removes its folder. */
    record Started(String url, Path home, Path script, Path zip) implements AutoCloseable {

        static Started start() {
            try {
                Path root = Path.of(property("runtape.root.dir"));
                Path zip = Path.of(property("runtape.elasticsearch.zip"));
                if (!Files.isRegularFile(zip)) {
                    throw new IllegalStateException(zip + ": the Elasticsearch distribution is missing; the build's "
                            + "generate-test-resources phase fetches it (run the tests through Maven)");
                }
                Path home = Files.createTempDirectory("runtape-elasticsearch-");
                int port = freePort();
                Started node = new Started("http://127.0.0.1:" + port, home,
                        root.resolve("ops/scripts/local-elasticsearch"), zip);
                node.run(START_TIMEOUT, "start", String.valueOf(port));
                return node;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Elasticsearch: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws Exception {
            Path pidFile = home.resolve("elasticsearch.pid");
            Long pid = Files.exists(pidFile) ? Long.valueOf(Files.readString(pidFile).strip()) : null;
            run(Duration.ofSeconds(30), "stop");
            if (pid != null) {
                ProcessHandle.of(pid).ifPresent(process -> {
                    try {
                        process.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }

        private void run(Duration timeout, String... arguments) throws IOException {
            Path log = Files.createTempFile("runtape-elasticsearch-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(script.toString()),
                        Stream.of(arguments)).toList()).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("RUNTAPE_ELASTICSEARCH_HOME", home.toString());
                builder.environment().put("RUNTAPE_ELASTICSEARCH_ZIP", zip.toString());
                Process process = builder.start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(script + " " + String.join(" ", arguments) + " did not finish "
                            + "within " + timeout.toSeconds() + " s: " + Files.readString(log));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(script + " " + String.join(" ", arguments) + " exited "
                            + process.exitValue() + ": " + Files.readString(log, StandardCharsets.UTF_8)
                            + tail(home.resolve("logs/runtape-dev.log")));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + script, e);
            } finally {
                Files.deleteIfExists(log);
            }
        }

        private static String tail(Path log) throws IOException {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static String property(String name) {
            String value = System.getProperty(name);
            if (value == null) {
                throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven");
            }
            return value;
        }
    }
}
