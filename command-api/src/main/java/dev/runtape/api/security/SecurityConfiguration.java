package dev.runtape.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.metrics.RejectedRequests;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.cluster.DirectoryDocuments;
import dev.runtape.ledger.node.ClusterSettings;
import dev.runtape.ledger.node.LedgerNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Every endpoint needs credentials except health, the public keys and the API documentation; each
 * command needs its role (or admin), reads need any role; the tenant is enforced where the data is touched
 * ({@link TenantGuard}). This table is the one place the roles of the endpoints are written down.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The API keys in the data directory, or in the database a node shares with the other nodes of its ledger; the
     * first admin key from {@code runtape.admin-api-key-file} when it is set.
     */
    @Bean
    public ApiKeys apiKeys(RuntapeProperties properties, LedgerNode node) {
        Path data = properties.data().toAbsolutePath().normalize();
        Optional<String> givenAdminKey = Optional.empty();
        if (properties.adminApiKeyFile() != null) {
            try {
                givenAdminKey = Optional.of(Files.readString(properties.adminApiKeyFile(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("runtape.admin-api-key-file: cannot read "
                        + properties.adminApiKeyFile() + ": " + e, e);
            }
        }
        Optional<Duration> refresh = node.settings().clusterSettings().map(ClusterSettings::refreshEvery);
        try {
            return ApiKeys.open(node.sharedDocuments().orElseGet(() -> DirectoryDocuments.in(data)), data,
                    Clock.systemUTC(), givenAdminKey, refresh);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("runtape.admin-api-key-file: " + e.getMessage(), e);
        }
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, ApiKeys keys, ObjectMapper json,
            RejectedRequests rejected, ObjectProvider<JwtDecoder> jwtDecoder, BearerTokenCallers bearerCallers)
            throws Exception {
        ProblemWriter problems = new ProblemWriter(json, rejected);
        // Spring Boot makes a JwtDecoder only when spring.security.oauth2.resourceserver.jwt.* names the keys.
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(bearer -> bearer
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(bearerCallers))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/.well-known/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
                        .permitAll()
                        // Scrapers read metrics as auditors: no need to hand them an admin key.
                        .requestMatchers(GET, "/actuator/prometheus")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(POST, "/tasks", "/operators", "/operators/*/qualifications",
                                "/trajectories", "/trajectories/*/steps", "/trajectories/*/artifacts",
                                "/trajectories/*/completion", "/entries", "/imports")
                        .hasAnyRole(Role.PRODUCER.name(), Role.ADMIN.name())
                        .requestMatchers(POST, "/trajectories/*/qa-checks")
                        .hasAnyRole(Role.REVIEWER.name(), Role.PRODUCER.name(), Role.ADMIN.name())
                        .requestMatchers(POST, "/trajectories/*/reviews")
                        .hasAnyRole(Role.REVIEWER.name(), Role.ADMIN.name())
                        .requestMatchers(POST, "/trajectories/*/labels", "/trajectories/*/labels/*/retraction",
                                "/trajectories/*/heuristic-labels")
                        .hasAnyRole(Role.LABELER.name(), Role.ADMIN.name())
                        .requestMatchers(POST, "/trajectories/*/redactions")
                        .hasAnyRole(Role.REDACTOR.name(), Role.ADMIN.name())
                        .requestMatchers(PUT, "/trajectories/*/policy")
                        .hasAnyRole(Role.CURATOR.name(), Role.ADMIN.name())
                        .requestMatchers(POST, "/datasets", "/datasets/**")
                        .hasAnyRole(Role.CURATOR.name(), Role.ADMIN.name())
                        .requestMatchers(PUT, "/datasets/*/policy")
                        .hasAnyRole(Role.CURATOR.name(), Role.ADMIN.name())
                        .requestMatchers(GET, "/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }
}
