package dev.runtape.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of an OAuth2 access token make its {@link Caller}, under {@code runtape.oauth2.}. Where the keys come
 * from and which issuer and audience are accepted are Spring Boot's own settings
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); bearer tokens are accepted only when those are set.
 *
 * @param principalClaim the claim naming the principal (a statement's {@code iss})
 * @param tenantClaim the claim naming the principal's tenant
 * @param rolesClaim the claim listing the principal's roles in lower case, as a JSON array or space-separated
 */
@ConfigurationProperties("runtape.oauth2")
public record BearerTokenProperties(@DefaultValue("sub") String principalClaim,
        @DefaultValue("runtape_tenant") String tenantClaim, @DefaultValue("runtape_roles") String rolesClaim) {
}
