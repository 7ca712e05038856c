package dev.runtape.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.metrics.RejectedRequests;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the problem documents of the security filters, which run before Spring MVC and its exception handler: 401
 * without valid credentials, 403 when the principal's roles do not allow the request.
 */
public final class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final RejectedRequests rejected;

    public ProblemWriter(ObjectMapper json, RejectedRequests rejected) {
        this.json = json;
        this.rejected = rejected;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OAuth2AuthenticationException invalid) {
            // RFC 6750: a token was sent and refused; say why, as the detail.
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            // The message rather than the error's description, which RFC 6750 limits to characters without quotes.
            String reason = invalid.getMessage();
            write(request, response, ProblemType.UNAUTHENTICATED, "the bearer token is not valid: "
                    + (reason == null ? invalid.getError().getErrorCode() : reason));
            return;
        }
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\", Bearer");
        write(request, response, ProblemType.UNAUTHENTICATED,
                "send an API key in the X-API-Key header or an OAuth2 bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, ProblemType.FORBIDDEN, "the principal's roles do not allow "
                + request.getMethod() + " " + request.getRequestURI());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(type, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        rejected.sent(type);
    }
}
