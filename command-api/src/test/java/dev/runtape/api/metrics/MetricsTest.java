package dev.runtape.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.Scrape;
import dev.runtape.api.testing.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service's metrics as Prometheus scrapes them: who may scrape, and what each metric counts. */
class MetricsTest extends ServiceTest {

    @Autowired
    private ApiKeys apiKeys;

    private HttpClientForTests as(Role role) {
        return client().withApiKey(apiKeys.issue("metrics-" + role.label(), "default", Set.of(role)).key());
    }

    private Scrape scrape() {
        Answer answer = as(Role.AUDITOR).get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return new Scrape(new String(answer.bytes(), StandardCharsets.UTF_8));
    }

    private void defineTask(String id) {
        Answer defined = admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Fix the build", "family": "metrics"}""".formatted(id));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
    }

    @Test
    void anAuditorOrAdminMayScrapeButAProducerIsForbiddenAndNoCredentialsUnauthenticated() {
        Answer auditor = as(Role.AUDITOR).get("/actuator/prometheus");
        Answer admin = admin().get("/actuator/prometheus");
        Answer producer = as(Role.PRODUCER).get("/actuator/prometheus");
        Answer anonymous = client().get("/actuator/prometheus");

        assertThat(auditor.status()).isEqualTo(200);
        assertThat(auditor.header("Content-Type")).startsWith("text/plain");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(producer.status()).isEqualTo(403);
        assertThat(producer.json().get("type").asText()).isEqualTo("urn:runtape:problem:forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(as(Role.AUDITOR).get("/actuator/metrics").status()).as("the other actuator endpoints stay admin's")
                .isEqualTo(403);
    }

    @Test
    void eachAppendedStatementIsCountedByItsEventTypeAndARetryIsNot() {
        double before = scrape().counter("runtape_statements_appended_total", "event_type=\"TaskDefined\"");

        defineTask("metrics-task-1");
        HttpClientForTests retrying = admin().withHeader("Idempotency-Key", "metrics-task-2-define");
        String body = "{\"task-id\": \"metrics-task-2\", \"prompt\": \"p\", \"family\": \"metrics\"}";
        assertThat(retrying.postJson("/tasks", body).status()).isEqualTo(201);
        assertThat(retrying.postJson("/tasks", body).status()).as("the retry").isEqualTo(201);

        assertThat(scrape().counter("runtape_statements_appended_total", "event_type=\"TaskDefined\""))
                .isEqualTo(before + 2);
    }

    @Test
    void requestLatencyIsAHistogramPerEndpointAndMethod() {
        defineTask("metrics-task-3");

        Scrape scrape = scrape();

        assertThat(scrape.sample("http_server_requests_seconds_bucket", "method=\"POST\"", "uri=\"/tasks\"",
                "status=\"201\"", "le=\"+Inf\"")).isPresent();
        assertThat(scrape.sample("http_server_requests_seconds_count", "method=\"POST\"", "uri=\"/tasks\""))
                .hasValueSatisfying(count -> assertThat(count).isPositive());
    }

    @Test
    void everyProblemDocumentSentIsCountedByItsType() {
        Scrape before = scrape();

        client().get("/streams/task/metrics-anything");
        as(Role.PRODUCER).get("/actuator/prometheus");
        admin().get("/streams/task/metrics-no-such-task");
        admin().postJson("/tasks", "{\"prompt\": \"p\", \"family\": \"metrics\"}");

        Scrape after = scrape();
        for (String problem : new String[] {"unauthenticated", "forbidden", "not-found", "invalid-request"}) {
            String label = "problem=\"" + problem + "\"";
            assertThat(after.counter("runtape_requests_rejected_total", label)).as(problem)
                    .isEqualTo(before.counter("runtape_requests_rejected_total", label) + 1);
        }
        assertThat(after.sample("runtape_requests_rejected_total", "problem=\"forbidden\"", "status=\"403\""))
                .isPresent();
    }

    @Test
    void theIntegratorLagFallsToZeroOnceACheckpointCoversTheLogAndItsAgeIsSeconds() throws InterruptedException {
        defineTask("metrics-task-4");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Scrape scrape = scrape();
        // The gauges of one scrape are read one after another: wait for a scrape in which they agree.
        while ((scrape.counter("runtape_integrator_lag") > 0
                || scrape.counter("runtape_checkpoint_tree_size") != scrape.counter("runtape_log_statements"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            scrape = scrape();
        }

        assertThat(scrape.sample("runtape_integrator_lag")).hasValue(0.0);
        assertThat(scrape.counter("runtape_checkpoint_tree_size"))
                .isEqualTo(scrape.counter("runtape_log_statements")).isPositive();
        assertThat(scrape.sample("runtape_checkpoint_age_seconds"))
                .hasValueSatisfying(age -> assertThat(age).isBetween(0.0, 20.0));
    }
}
