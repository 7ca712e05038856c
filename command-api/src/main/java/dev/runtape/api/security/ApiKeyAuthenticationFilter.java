package dev.runtape.api.security;

import dev.runtape.api.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code X-API-Key} header. A key that is not valid is answered 401 at once, rather
 * than treated as no key, so a mistyped key never falls through to another kind of credential.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final ProblemWriter problems;

    public ApiKeyAuthenticationFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = keys.authenticate(presented.trim());
        if (caller.isEmpty()) {
            problems.write(request, response, ProblemType.UNAUTHENTICATED,
                    "the API key is not valid (unknown, revoked or mistyped)");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
