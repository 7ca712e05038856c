package dev.runtape.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import org.junit.jupiter.api.Test;

/** API keys over HTTP: issued once in full, listed without secrets, revoked for good, each tenant's its own. */
class ApiKeyTest extends ServiceTest {

    @Test
    void anIssuedKeyWorksWithItsRolesInItsTenantUntilItIsRevoked() {
        Answer issued = admin().postJson("/admin/api-keys", """
                {"principal": "capture-7", "tenant": "acme", "roles": ["producer"]}""");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.json().get("key").asText();
        String id = issued.json().get("id").asText();
        assertThat(key).startsWith("rtk_" + id + "_");
        assertThat(issued.json().get("roles")).extracting(JsonNode::asText).containsExactly("producer");

        HttpClientForTests producer = client().withApiKey(key);
        Answer task = producer.postJson("/tasks", """
                {"task-id": "acme-task", "prompt": "Fix the build", "family": "keys"}""");
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        assertThat(producer.get("/streams/task/acme-task").json().get("tenant").asText()).isEqualTo("acme");
        assertThat(producer.postJson("/datasets", "{\"dataset-id\": \"d\", \"name\": \"n\", \"version\": \"1\"}")
                .status()).as("a producer is no curator").isEqualTo(403);

        // The default tenant's admin sees only its own tenant's keys, and cannot revoke acme's.
        assertThat(admin().get("/admin/api-keys").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(admin().postJson("/admin/api-keys/" + id + "/revocation", "{}").status()).isEqualTo(404);

        Answer acmeAdmin = admin().postJson("/admin/api-keys", """
                {"principal": "acme-admin", "tenant": "acme", "roles": ["admin"]}""");
        HttpClientForTests acme = client().withApiKey(acmeAdmin.json().get("key").asText());
        JsonNode listed = acme.get("/admin/api-keys").json();
        assertThat(listed.findValuesAsText("id")).contains(id);
        assertThat(listed.toString()).doesNotContain("secret").doesNotContain(key).doesNotContain("\"key\"");

        Answer revoked = acme.postJson("/admin/api-keys/" + id + "/revocation", "{}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").isTextual()).isTrue();
        assertThat(producer.get("/streams/task/acme-task").status()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutRolesOrWithAnUnknownRoleOrABadNameIsRefused() {
        Answer noRoles = admin().postJson("/admin/api-keys", "{\"principal\": \"p\", \"roles\": []}");
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.json().get("detail").asText()).contains("at least one role");

        Answer unknown = admin().postJson("/admin/api-keys", "{\"principal\": \"p\", \"roles\": [\"wizard\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("no role \"wizard\"");

        Answer badName = admin().postJson("/admin/api-keys", "{\"principal\": \"no spaces\", \"roles\": [\"auditor\"]}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("detail").asText()).contains("no spaces");
    }
}
