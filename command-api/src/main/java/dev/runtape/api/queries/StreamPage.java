package dev.runtape.api.queries;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a stream's statements, from {@code from} on.
 *
 * @param revision the stream's last revision (also the ETag)
 * @param next the {@code from} of the next page, or null after the last
 */
public record StreamPage(String stream, String tenant, long revision, List<StoredStatement> statements,
        @Nullable Long next) {
}
