package dev.runtape.api.transparency;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Picks the form of an answer from the request's {@code Accept} among the forms an endpoint offers, the first offered
 * being the default. Endpoints that answer bytes in one form and a JSON view in another choose here rather than
 * through two mappings, which Spring would find ambiguous for {@code Accept: *}{@code /*}.
 */
final class Negotiation {

    private Negotiation() {
    }

    static MediaType choose(@Nullable String accept, MediaType... offered) {
        if (accept == null || accept.isBlank()) {
            return offered[0];
        }
        // A stable sort: among equal qualities the client's order stands.
        List<MediaType> accepted = MediaType.parseMediaTypes(accept).stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType type : accepted) {
            for (MediaType candidate : offered) {
                if (type.getQualityValue() > 0 && type.includes(candidate)) {
                    return candidate;
                }
            }
        }
        throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "this answer comes as " + List.of(offered)
                + "; the request accepts " + accept);
    }
}
