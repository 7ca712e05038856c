package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.Failure;
import java.util.function.Supplier;

/**
 * A failure not yet put into words. Most failures belong to alternatives of a choice that another alternative
 * matches, or that a better alternative outscores: they are never shown, so their paths and messages are built
 * only for the failures that are reported.
 */
final class Problem {

    private final Path path;
    private final Supplier<String> message;

    Problem(Path path, Supplier<String> message) {
        this.path = path;
        this.message = message;
    }

    Failure render() {
        return new Failure(path.toString(), message.get());
    }
}
