package dev.runtape.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import org.junit.jupiter.api.Test;

/** Without {@code spring.security.oauth2.resourceserver.jwt.*}, API keys are the only credential. */
class ApiKeysOnlyTest extends ServiceTest {

    @Test
    void aBearerTokenIsNoCredentialWhenNoKeysForTokensAreConfigured() {
        Answer refused = client().withHeader("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .get("/streams/task/anything");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:unauthenticated");
        assertThat(refused.header("WWW-Authenticate")).contains("X-API-Key");
    }
}
