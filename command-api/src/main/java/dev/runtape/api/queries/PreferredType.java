package dev.runtape.api.queries;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * The form a report answers in: JSON, unless the caller's Accept header, most specific first, names one of the other
 * forms before anything JSON would satisfy. A report is read by people and tools first, verified second.
 */
final class PreferredType {

    private PreferredType() {
    }

    static MediaType of(@Nullable String accept, MediaType... others) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            for (MediaType other : others) {
                if (type.equalsTypeAndSubtype(other)) {
                    return other;
                }
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
