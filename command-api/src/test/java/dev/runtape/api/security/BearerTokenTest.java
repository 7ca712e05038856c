package dev.runtape.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.runtape.api.server.RuntapeApplication;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.JwksServerForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OAuth2 bearer tokens against a real JWKS endpoint: the service configured with its URL, an issuer and an audience,
 * in a data directory of its own (so a service of its own, beside the other tests').
 */
@SpringBootTest(classes = RuntapeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenTest {

    private static final String ISSUER = "https://id.example.test/";
    private static final String AUDIENCE = "runtape";
    private static final JwksServerForTests IDP = JwksServerForTests.start();
    private static final Path DATA = dataDirectory();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void bearerTokens(DynamicPropertyRegistry registry) {
        registry.add("runtape.data", DATA::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDP::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.close();
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("runtape-bearer-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a valid token: a producer of tenant "acme", valid for five minutes. */
    private static JWTClaimsSet.Builder valid(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("runtape_tenant", "acme").claim("runtape_roles", List.of("producer"));
    }

    private HttpClientForTests bearer(String token) {
        return new HttpClientForTests("http://localhost:" + port).withHeader("Authorization", "Bearer " + token);
    }

    private Answer defineTask(HttpClientForTests api, String id) {
        return api.postJson("/tasks", """
                {"task-id": "%s", "prompt": "Fix the flaky test", "family": "bearer"}""".formatted(id));
    }

    private static void assertUnauthenticated(Answer answer, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:runtape:problem:unauthenticated");
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }

    @Test
    void aValidTokenActsAsItsSubjectInItsTenantWithItsRoles() {
        HttpClientForTests ci = bearer(IDP.sign(valid("ci-bot").build()));

        Answer defined = defineTask(ci, "bearer-task-1");
        Answer read = ci.get("/streams/task/bearer-task-1");

        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void aTokenWhoseRolesDoNotAllowTheCommandIs403() {
        HttpClientForTests auditor = bearer(IDP.sign(valid("auditor-1").claim("runtape_roles", "auditor").build()));

        Answer refused = defineTask(auditor, "bearer-task-2");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:forbidden");
    }

    @Test
    void anExpiredTokenIs401WithTheReason() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = IDP.sign(valid("ci-bot").issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());

        Answer refused = defineTask(bearer(expired), "bearer-task-3");

        assertUnauthenticated(refused, "expired");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertUnauthenticated(defineTask(bearer(IDP.signWithWrongKey(valid("ci-bot").build())), "bearer-task-4"),
                "the bearer token is not valid");
    }

    @Test
    void aTokenWithoutATenantIs401NamingTheClaim() {
        String token = IDP.sign(valid("ci-bot").claim("runtape_tenant", null).build());

        assertUnauthenticated(defineTask(bearer(token), "bearer-task-5"), "\"runtape_tenant\" claim");
    }

    @Test
    void aTokenWithoutARuntapeRoleIs401NamingTheClaim() {
        String none = IDP.sign(valid("ci-bot").claim("runtape_roles", null).build());
        String foreign = IDP.sign(valid("ci-bot").claim("runtape_roles", List.of("billing-admin")).build());

        assertUnauthenticated(defineTask(bearer(none), "bearer-task-6"), "\"runtape_roles\" claim");
        assertUnauthenticated(defineTask(bearer(foreign), "bearer-task-6"), "\"runtape_roles\" claim");
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIs401() {
        String issuer = IDP.sign(valid("ci-bot").issuer("https://elsewhere.example.test/").build());
        String audience = IDP.sign(valid("ci-bot").audience("another-service").build());

        assertUnauthenticated(defineTask(bearer(issuer), "bearer-task-7"), "iss");
        assertUnauthenticated(defineTask(bearer(audience), "bearer-task-7"), "aud");
    }

    @Test
    void aGarbledTokenIs401AndApiKeysStillWorkBesideTokens() throws IOException {
        assertUnauthenticated(defineTask(bearer("not.a.token"), "bearer-task-8"), "the bearer token is not valid");

        String adminKey = Files.readString(DATA.resolve("admin-api-key")).trim();
        Answer defined = defineTask(new HttpClientForTests("http://localhost:" + port).withApiKey(adminKey),
                "bearer-task-8");
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
    }
}
