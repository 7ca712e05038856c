package dev.runtape.api.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which claims make the caller of a bearer token ({@code runtape.oauth2.*}), and the converter that reads them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BearerTokenProperties.class)
public class BearerTokenConfiguration {

    @Bean
    public BearerTokenCallers bearerTokenCallers(BearerTokenProperties claims) {
        return new BearerTokenCallers(claims);
    }
}
