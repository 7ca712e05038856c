package dev.runtape.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document and Swagger UI: public, complete, and describing errors as problem documents. */
class OpenApiTest extends ServiceTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document() {
        Answer answer = client().get("/v3/api-docs");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Every {@code METHOD /path} the application's own {@code @RestController}s map. */
    private List<String> restControllerMappings() {
        List<String> mapped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Class<?> controller = entry.getValue().getBeanType();
            if (!controller.getPackageName().startsWith("dev.runtape")
                    || !AnnotatedElementUtils.hasAnnotation(controller, RestController.class)) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    mapped.add(method + " " + path);
                }
            }
        }
        return mapped;
    }

    @Test
    void theDocumentIsPublicAndNamesTheApiAndBothKindsOfCredential() {
        JsonNode document = document();

        assertThat(document.at("/info/title").asText()).isEqualTo("Runtape API");
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/info/description").asText()).contains("problem document");
        assertThat(document.at("/components/securitySchemes/api-key/type").asText()).isEqualTo("apiKey");
        assertThat(document.at("/components/securitySchemes/api-key/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/securitySchemes/api-key/name").asText()).isEqualTo("X-API-Key");
        assertThat(document.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearer-jwt/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.get("security")).hasSize(2);
    }

    @Test
    void everyRestControllerMappingIsInTheDocument() {
        JsonNode paths = document().get("paths");
        List<String> mapped = restControllerMappings();

        assertThat(mapped).contains("POST /tasks", "POST /trajectories/{id}/steps", "GET /streams/{kind}/{id}");
        List<String> missing = mapped.stream().filter(mapping -> {
            String[] parts = mapping.split(" ", 2);
            return !paths.path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT));
        }).toList();
        assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();
    }

    @Test
    void everyOperationAnswersItsErrorsAsProblemDocuments() {
        JsonNode document = document();
        List<String> operations = new ArrayList<>();

        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            operations.add(operation.getKey() + " " + path.getKey());
            JsonNode responses = operation.getValue().get("responses");
            // Public operations need no credentials: no security, and so no 401 or 403 (ProblemResponses).
            boolean open = path.getKey().startsWith("/.well-known/");
            if (open) {
                assertThat(operation.getValue().get("security")).as(operation.getKey() + " " + path.getKey())
                        .isEmpty();
                assertThat(responses.has("401") || responses.has("403")).isFalse();
            }
            for (String status : open ? List.of("400", "404", "500") : List.of("400", "401", "403", "404", "500")) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as(operation.getKey() + " " + path.getKey() + " " + status)
                        .isEqualTo("#/components/schemas/Problem");
            }
        }));

        assertThat(operations).isNotEmpty();
        assertThat(operations).contains("get /.well-known/runtape/keys", "post /entries", "get /proofs/consistency");
        assertThat(document.at("/paths/~1entries/post/requestBody/content").has("application/cose")).isTrue();
        assertThat(document.at("/paths/~1checkpoints~1latest/get/responses/200/content").has("application/json"))
                .isTrue();
        assertThat(document.at("/paths/~1.well-known~1runtape~1keys/get/responses/200/content")
                .has("application/cose-key-set")).isTrue();
        assertThat(document.at("/paths/~1tasks/post/responses/409/description").asText())
                .contains("rule-violated", "event-id-conflict");
        assertThat(document.at("/components/schemas/Problem/properties/type/enum").toString())
                .contains("urn:runtape:problem:forbidden");
    }

    @Test
    void schemasNameMembersAsTheWireDoesInKebabCase() {
        JsonNode request = document().at("/components/schemas/DefineTaskRequest/properties");

        assertThat(request.has("task-id")).as(request.toString()).isTrue();
        assertThat(request.has("taskId")).isFalse();
    }

    @Test
    void swaggerUiIsPublicAndServesItsPage() {
        Answer entry = client().get("/swagger-ui.html");
        assertThat(entry.status()).isEqualTo(302);
        String location = entry.header("Location");
        assertThat(location).contains("/swagger-ui/index.html");

        Answer page = client().get(location.substring(location.indexOf("/swagger-ui/")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        Answer config = client().get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("url").asText()).isEqualTo("/v3/api-docs");
    }
}
