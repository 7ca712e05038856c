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
    void theComposeFileRunsTheImageTheDockerfileBuildsOnTheServicesPortAndSettings() throws IOException {
        Map<String, Object> compose = yaml(OPS.resolve("compose/compose.yaml")).getFirst();
        Map<String, Object> runtape = map(map(compose.get("services")).get("runtape"));
        assertThat(runtape.get("image")).isEqualTo(IMAGE);
        Path dockerfile = OPS.resolve("compose").resolve(String.valueOf(map(runtape.get("build")).get("context")))
                .resolve(String.valueOf(map(runtape.get("build")).get("dockerfile"))).normalize();
        assertThat(dockerfile).exists();
        assertThat(strings(runtape.get("ports"))).containsExactly("8080:8080");
        assertSettingsBind(map(runtape.get("environment")).keySet());
        assertHealthPathsAnswer(String.join(" ", strings(map(runtape.get("healthcheck")).get("test"))));
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
    void theKubernetesManifestsRunTheImageWithProbesThatAnswerAndSettingsThatBind() throws IOException {
        List<Map<String, Object>> documents = yaml(OPS.resolve("kubernetes/runtape.yaml"));
        Set<String> settings = new HashSet<>();
        StringBuilder probes = new StringBuilder();
        for (Map<String, Object> document : documents) {
            switch (String.valueOf(document.get("kind"))) {
                case "ConfigMap" -> settings.addAll(map(document.get("data")).keySet());
                case "Deployment" -> {
                    Map<String, Object> pod = map(map(map(document.get("spec")).get("template")).get("spec"));
                    Map<String, Object> container = map(((List<?>) pod.get("containers")).getFirst());
                    assertThat(container.get("image")).isEqualTo(IMAGE);
                    assertThat(map(((List<?>) container.get("ports")).getFirst()).get("containerPort"))
                            .isEqualTo(8080);
                    ((List<?>) container.get("env")).forEach(env -> settings.add((String) map(env).get("name")));
                    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        probes.append(map(map(container.get(probe)).get("httpGet")).get("path")).append(' ');
                    }
                    assertThat(map(container.get("resources"))).containsKeys("requests", "limits");
                }
                default -> {
                }
            }
        }
        assertSettingsBind(settings);
        assertHealthPathsAnswer(probes.toString());
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
