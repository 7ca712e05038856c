package dev.runtape.api.metrics;

import dev.runtape.api.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Counts the problem documents the API sends ({@code runtape.requests.rejected}), tagged with the problem type's slug
 * and the status: whoever writes a problem (the security filters, Spring MVC's handlers) reports it here.
 */
@Component
public class RejectedRequests {

    static final String REJECTED = "runtape.requests.rejected";
    private static final String PREFIX = "urn:runtape:problem:";

    private final MeterRegistry registry;

    public RejectedRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(ProblemDetail problem) {
        count(slug(problem.getType()), problem.getStatus());
    }

    public void sent(ProblemType type) {
        count(type.slug(), type.status().value());
    }

    private void count(String slug, int status) {
        Counter.builder(REJECTED).description("Requests answered with a problem document, by problem type")
                .tag("problem", slug).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    /** The slug of a Runtape problem type; a type of another kind (Spring's {@code about:blank}) as {@code other}. */
    private static String slug(URI type) {
        String text = type.toString();
        return text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : "other";
    }
}
