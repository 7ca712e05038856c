package dev.runtape.api.openapi;

import dev.runtape.api.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes the problem documents as every operation's error responses, one response per status, listing the
 * {@link ProblemType}s it stands for; written from the enum, so a new problem type shows up without editing this.
 * Public operations (under {@code /.well-known/}) need no credentials, so they have no security and no 401 or 403.
 */
public final class ProblemResponses implements OpenApiCustomizer {

    private static final String SCHEMA = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** What a read can be answered with; a write can be answered with every problem. */
    private static final Set<Integer> READ_STATUSES = Set.of(400, 401, 403, 404, 406, 500, 503);
    private static final Set<Integer> CREDENTIAL_STATUSES = Set.of(401, 403);

    @Override
    public void customise(OpenAPI openApi) {
        // Here rather than on the OpenAPI bean: springdoc drops the bean's schemas that no controller refers to.
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        Map<Integer, List<ProblemType>> byStatus = Arrays.stream(ProblemType.values())
                .filter(type -> type.status().value() != 405) // answers a path, not one of its operations
                .collect(Collectors.groupingBy(type -> type.status().value(), TreeMap::new, Collectors.toList()));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean open = path.startsWith("/.well-known/");
            if (open) {
                operation.setSecurity(List.of());
            }
            byStatus.forEach((status, types) -> {
                boolean applies = (method != PathItem.HttpMethod.GET || READ_STATUSES.contains(status))
                        && !(open && CREDENTIAL_STATUSES.contains(status));
                if (applies) {
                    responses(operation).putIfAbsent(Integer.toString(status), response(types));
                }
            });
        }));
    }

    /** RFC 9457's members, the type among Runtape's, and room for the extension members some types carry. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document; clients key on type")
                .addProperty("type", new StringSchema().format("uri")._enum(Arrays.stream(ProblemType.values())
                        .map(type -> type.uri().toString()).toList()))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong in this request"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .additionalProperties(true)
                .required(List.of("type", "title", "status"));
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static ApiResponse response(List<ProblemType> types) {
        String description = types.stream().map(type -> type.slug() + " (" + type.title() + ")")
                .collect(Collectors.joining("; "));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }
}
