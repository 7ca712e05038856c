package dev.runtape.api.commands.capture;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Query parameters of an upload, read from the URL alone: the servlet's own parameters would parse a form body, and
 * these endpoints take the body as a file, whatever it looks like.
 */
final class QueryParameters {

    private final MultiValueMap<String, String> query;

    private QueryParameters(MultiValueMap<String, String> query) {
        this.query = query;
    }

    static QueryParameters of(HttpServletRequest http) {
        String text = http.getQueryString();
        return new QueryParameters(UriComponentsBuilder.newInstance().query(text == null ? "" : text).build()
                .getQueryParams());
    }

    /** The parameter's one value, decoded, or null when it is absent. */
    @Nullable String single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the query names " + name + " more than once");
        }
        return URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8);
    }
}
