package dev.runtape.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.security.ApiKeyAuthenticationFilter;
import dev.runtape.api.server.RuntapeApplication;
import dev.runtape.verifier.Digest;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui.html}): what the API is, how a
 * caller authenticates, and the problem documents every error is answered with ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String API_KEY = "api-key";
    private static final String BEARER = "bearer-jwt";

    static {
        // Digests travel as hex strings (JsonConfiguration), not as the object they are in Java.
        SpringDocUtils.getConfig().replaceWithSchema(Digest.class, new StringSchema().pattern("^[0-9a-f]{64}$")
                .description("a SHA-256 digest, lower-case hex"));
    }

    @Bean
    public OpenAPI runtapeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Runtape API").version(version())
                        .description("""
                                A signed, hash-chained ledger of coding-agent trajectories. Commands record tasks, \
                                trajectories, steps, reviews, labels and datasets as signed statements; reads return \
                                them with their revisions; checkpoints and proofs let anyone verify the log with \
                                runtape-verify. Every error is an RFC 9457 problem document whose type \
                                (urn:runtape:problem:<slug>) is stable."""))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("an API key (rtk_...), made by an admin"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("an OAuth2 access token, when the service is configured with a JWKS")))
                // Two requirements: either credential will do.
                .security(List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement()
                        .addList(BEARER)));
    }

    /** The schemas follow the API's own JSON mapper, so members are kebab-case as on the wire. */
    @Bean
    public ModelResolver modelResolver(ObjectMapper json) {
        return new ModelResolver(json);
    }

    @Bean
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    private static String version() {
        String version = RuntapeApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
