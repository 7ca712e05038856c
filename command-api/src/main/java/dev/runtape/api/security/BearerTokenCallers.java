package dev.runtape.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * Makes the {@link Caller} of a verified access token from its claims ({@link BearerTokenProperties}), so controllers
 * see a bearer token exactly as an API key. A token that names no principal, no tenant or no Runtape role is refused
 * as invalid (401): it may be good elsewhere, but it does not say who the caller is here. Role names the ledger does
 * not know are passed over, so a roles claim shared with other services works.
 */
public final class BearerTokenCallers implements Converter<Jwt, CallerAuthentication> {

    private final BearerTokenProperties claims;

    public BearerTokenCallers(BearerTokenProperties claims) {
        this.claims = claims;
    }

    @Override
    public CallerAuthentication convert(Jwt token) {
        String principal = required(token, claims.principalClaim());
        String tenant = required(token, claims.tenantClaim());
        Set<Role> roles = roles(token.getClaim(claims.rolesClaim()));
        if (roles.isEmpty()) {
            throw invalid("the token's \"" + claims.rolesClaim() + "\" claim names none of "
                    + "the roles producer, reviewer, labeler, redactor, curator, auditor and admin");
        }
        try {
            return new CallerAuthentication(new Caller(principal, tenant, roles));
        } catch (IllegalArgumentException e) {
            throw invalid("the token does not name a valid caller: " + e.getMessage());
        }
    }

    /**
     * An invalid token whose message says why: the RFC 6750 error description cannot carry quotes, so the message
     * does ({@link ProblemWriter} makes it the problem's detail).
     */
    private static OAuth2AuthenticationException invalid(String reason) {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("the token names no Runtape caller"),
                reason);
    }

    private static String required(Jwt token, String claim) {
        Object value = token.getClaim(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid("the token has no \"" + claim + "\" claim (a string)");
        }
        return text;
    }

    private static Set<Role> roles(@Nullable Object claim) {
        Collection<?> names = switch (claim) {
            case Collection<?> list -> list;
            case String spaced -> List.of(spaced.trim().split("\\s+"));
            case null, default -> List.of();
        };
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            try {
                roles.add(Role.named(String.valueOf(name)));
            } catch (IllegalArgumentException unknown) {
                // Another service's role: not ours to refuse.
            }
        }
        return roles;
    }
}
