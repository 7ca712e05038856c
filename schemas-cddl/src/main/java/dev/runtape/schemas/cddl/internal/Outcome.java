package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.Failure;
import java.util.List;

/**
 * The result of matching one value: whether it matched, how far it got (the number of items and members that did
 * match, used to pick the most plausible alternative of a failed choice to report), and the failures.
 */
record Outcome(boolean ok, int score, List<Failure> failures) {

    static final Outcome MATCH = new Outcome(true, 1, List.of());

    static Outcome match(int score) {
        return score == 1 ? MATCH : new Outcome(true, score, List.of());
    }

    static Outcome fail(int score, List<Failure> failures) {
        return new Outcome(false, score, failures);
    }

    static Outcome fail(Path path, String message) {
        return new Outcome(false, 0, List.of(new Failure(path.toString(), message)));
    }
}
