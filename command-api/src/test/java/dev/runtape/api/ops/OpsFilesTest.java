package dev.runtape.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.api.testing.ServiceTest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * Everything under {@code ops/} parses, and names only what the service really has: its image and port, settings
 * that bind to {@link RuntapeProperties}, health paths that answer, and metrics the running service exports.
 */
class OpsFilesTest extends ServiceTest {

    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern METRIC =
            Pattern.compile("\\b(runtape_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b");
    private static final String IMAGE = "runtape:0.1.0";

    @Autowired
    private ApiKeys apiKeys;

    @Test
    void everyYamlAndJsonFileParses() throws IOException {
        List<Path> files = files(".yaml", ".yml", ".json");
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                new ObjectMapper().readTree(file.toFile());
            } else {
                try (var in = Files.newInputStream(file)) {
                    new Yaml().loadAll(in).forEach(document -> assertThat(document).as(file.toString()).isNotNull());
                }
            }
        }
    }

    @Test
    void theComposeFileRunsTwoNodesOfTheImageBehindTheProxyOnTheServicesPortAndSettings() throws IOException {
        Map<String, Object> compose = yaml(OPS.resolve("compose/compose.yaml")).getFirst();
        Map<String, Object> services = map(compose.get("services"));
        List<String> nodes = services.keySet().stream().filter(name -> name.startsWith("runtape-")).toList();
        assertThat(nodes).containsExactly("runtape-1", "runtape-2");
        for (String name : nodes) {
            Map<String, Object> node = map(services.get(name));
            assertThat(node.get("image")).as(name).isEqualTo(IMAGE);
            assertThat(node).as(name + " is reached through the proxy only").doesNotContainKey("ports");
            Map<String, Object> environment = map(node.get("environment"));
            assertSettingsBind(environment.keySet());
            assertThat(environment).containsEntry("RUNTAPE_CLUSTER_ENABLED", "true");
            assertHealthPathsAnswer(String.join(" ", strings(map(node.get("healthcheck")).get("test"))));
        }
        Map<String, Object> build = map(map(services.get("runtape-1")).get("build"));
        Path dockerfile = OPS.resolve("compose").resolve(String.valueOf(build.get("context")))
                .resolve(String.valueOf(build.get("dockerfile"))).normalize();
        assertThat(dockerfile).exists();

        // The proxy sends to every node on the service's port, and is where the service is published.
        assertThat(strings(map(services.get("proxy")).get("ports"))).containsExactly("8080:8080");
        String nginx = Files.readString(OPS.resolve("compose/nginx.conf"));
        assertThat(upstreams(nginx)).containsExactlyInAnyOrder("runtape-1:8080", "runtape-2:8080");
        assertThat(nginx).contains("listen 8080;");
        Map<String, Object> prometheus = yaml(OPS.resolve("prometheus/prometheus.yml")).getFirst();
        Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).getFirst());
        assertThat(strings(map(((List<?>) job.get("static_configs")).getFirst()).get("targets")))
                .as("Prometheus scrapes each node").containsExactlyInAnyOrder("runtape-1:8080", "runtape-2:8080");

        // Three KurrentDB nodes and three Elasticsearch nodes, each with a health check; the connection string and
        // the search URL name them all.
        for (String engine : List.of("kurrentdb", "elasticsearch")) {
            List<String> members = services.keySet().stream().filter(name -> name.startsWith(engine + "-")).toList();
            assertThat(members).as(engine).hasSize(3);
            members.forEach(member -> assertThat(map(services.get(member))).as(member).containsKey("healthcheck"));
        }
        Map<String, Object> environment = map(map(services.get("runtape-1")).get("environment"));
        assertThat(String.valueOf(environment.get("RUNTAPE_STORE_KURRENTDB_CONNECTION_STRING")).split(","))
                .hasSize(3);
        assertThat(String.valueOf(environment.get("RUNTAPE_SEARCH_ELASTICSEARCH_URL")).split(",")).hasSize(3);
        assertThat(String.valueOf(map(services.get("elasticsearch-1")).get("image")))
                .as("the Elasticsearch the tests run").endsWith(":" + elasticsearchVersion());
        assertThat(map(compose.get("secrets"))).containsKeys("postgres-password", "sealing-key", "admin-api-key");
    }

    /** The servers of the nginx upstream. */
    private static List<String> upstreams(String nginx) {
        Matcher servers = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+:\\d+)").matcher(nginx);
        List<String> found = new ArrayList<>();
        while (servers.find()) {
            found.add(servers.group(1));
        }
        return found;
    }

    /** The Elasticsearch distribution the build fetches for the tests. */
    private static String elasticsearchVersion() throws IOException {
        Matcher version = Pattern.compile("<elasticsearch.distribution.version>([^<]+)<")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @Test
    void theDockerfileCopiesTheJarTheBuildMakesAndExposesTheServicesPort() throws IOException {
        String dockerfile = Files.readString(OPS.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY command-api/target/runtape.jar ").contains("EXPOSE 8080");
        assertHealthPathsAnswer(dockerfile);
        assertThat(Files.readString(Path.of("pom.xml"))).as("the build makes target/runtape.jar, version 0.1.0")
                .contains("<finalName>runtape</finalName>").contains("<version>0.1.0-SNAPSHOT</version>");
    }

    @Test
    void theKubernetesManifestsRunTwoReplicasOfTheImageWithProbesThatAnswerAndSettingsThatBind() throws IOException {
        Map<String, Object> kustomization = yaml(OPS.resolve("kubernetes/kustomization.yaml")).getFirst();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            documents.addAll(yaml(OPS.resolve("kubernetes").resolve(resource)));
        }
        Set<String> settings = new HashSet<>();
        Set<String> secretKeys = new HashSet<>();
        StringBuilder probes = new StringBuilder();
        Map<String, Integer> replicas = new HashMap<>();
        for (Map<String, Object> document : documents) {
            String kind = String.valueOf(document.get("kind"));
            String name = String.valueOf(map(document.get("metadata")).get("name"));
            if (kind.equals("ConfigMap") && name.equals("runtape")) {
                settings.addAll(map(document.get("data")).keySet());
            }
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                continue;
            }
            Map<String, Object> spec = map(document.get("spec"));
            replicas.put(name, (Integer) spec.get("replicas"));
            Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
            Map<String, Object> container = map(((List<?>) pod.get("containers")).getFirst());
            assertThat(map(container.get("resources"))).as(name).containsKeys("requests", "limits");
            assertThat(container).as(name + " has probes").containsKeys("readinessProbe", "livenessProbe");
            secretKeys.addAll(secretKeysOf(container, pod));
            if (!name.equals("runtape")) {
                continue;
            }
            assertThat(kind).isEqualTo("Deployment");
            assertThat(container.get("image")).isEqualTo(IMAGE);
            assertThat(map(((List<?>) container.get("ports")).getFirst()).get("containerPort")).isEqualTo(8080);
            ((List<?>) container.get("env")).forEach(env -> settings.add((String) map(env).get("name")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                probes.append(map(map(container.get(probe)).get("httpGet")).get("path")).append(' ');
            }
        }
        assertThat(replicas).containsEntry("runtape", 2).containsEntry("kurrentdb", 3)
                .containsEntry("elasticsearch", 3).containsEntry("postgres", 1);
        assertThat(settings).contains("RUNTAPE_CLUSTER_ENABLED", "RUNTAPE_CLUSTER_SEALING_KEY_FILE");
        assertSettingsBind(settings);
        assertHealthPathsAnswer(probes.toString());
        assertThat(secretKeys).as("the keys of runtape-secrets the manifests read")
                .containsExactlyInAnyOrder("postgres-password", "sealing-key", "admin-api-key");
    }

    /** The keys of the secret {@code runtape-secrets} a container reads, from its environment and its volumes. */
    private static Set<String> secretKeysOf(Map<String, Object> container, Map<String, Object> pod) {
        Set<String> keys = new HashSet<>();
        for (Object env : container.get("env") instanceof List<?> list ? list : List.of()) {
            Object from = map(env).get("valueFrom");
            if (from != null && map(from).get("secretKeyRef") != null) {
                Map<String, Object> reference = map(map(from).get("secretKeyRef"));
                assertThat(reference.get("name")).isEqualTo("runtape-secrets");
                keys.add(String.valueOf(reference.get("key")));
            }
        }
        for (Object volume : pod.get("volumes") instanceof List<?> list ? list : List.of()) {
            Object secret = map(volume).get("secret");
            if (secret != null) {
                assertThat(map(secret).get("secretName")).isEqualTo("runtape-secrets");
                ((List<?>) map(secret).get("items")).forEach(item -> keys.add(String.valueOf(map(item).get("key"))));
            }
        }
        return keys;
    }

    @Test
    void prometheusAlertsAndTheDashboardNameOnlyMetricsTheServiceExports() throws IOException {
        Map<String, Object> prometheus = yaml(OPS.resolve("prometheus/prometheus.yml")).getFirst();
        Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).getFirst());
        String auditor = apiKeys.issue("ops-test-scraper", "default", Set.of(Role.AUDITOR)).key();
        var scrape = client().withApiKey(auditor).get(String.valueOf(job.get("metrics_path")));
        assertThat(scrape.status()).isEqualTo(200);
        // Traffic first, so that the counters and histograms with labels exist: an append and a refusal.
        admin().postJson("/tasks", "{\"task-id\": \"ops-task\", \"prompt\": \"p\", \"family\": \"ops\"}");
        assertThat(client().get("/streams/task/ops-task").status()).isEqualTo(401);
        String exported = new String(client().withApiKey(auditor).get("/actuator/prometheus").bytes(),
                StandardCharsets.UTF_8);

        Set<String> named = new HashSet<>();
        named.addAll(metrics(Files.readString(OPS.resolve("prometheus/alerts.yml"))));
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/dashboards/runtape.json").toFile());
        dashboard.findValuesAsText("expr").forEach(expr -> named.addAll(metrics(expr)));
        assertThat(named).hasSizeGreaterThanOrEqualTo(6);
        for (String metric : named) {
            assertThat(exported).as("the service exports " + metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    private void assertHealthPathsAnswer(String text) {
        Matcher paths = Pattern.compile("/actuator/health[a-z/]*").matcher(text);
        int found = 0;
        while (paths.find()) {
            found++;
            assertThat(client().get(paths.group()).status()).as(paths.group()).isEqualTo(200);
        }
        assertThat(found).as("health paths in " + text).isPositive();
    }

    /** Each environment variable binds to a setting of RuntapeProperties (relaxed binding) or is Spring's own. */
    private static void assertSettingsBind(Set<String> variables) {
        Set<String> known = new HashSet<>();
        collect("RUNTAPE", RuntapeProperties.class, known);
        for (String variable : variables) {
            if (variable.startsWith("SPRING_")) {
                continue;
            }
            assertThat(known).as(variable + " is a setting of the service").contains(variable);
        }
    }

    private static void collect(String prefix, Class<?> type, Set<String> known) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "_"
                    + component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                collect(name, component.getType(), known);
            } else {
                known.add(name);
            }
        }
    }

    private static Set<String> metrics(String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<Path> files(String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(OPS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.toString()::endsWith)).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var in = Files.newInputStream(file)) {
            new Yaml().loadAll(in).forEach(document -> documents.add((Map<String, Object>) document));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
