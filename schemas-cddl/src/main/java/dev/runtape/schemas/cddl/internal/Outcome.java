package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.Failure;
import java.util.List;

/**
 * The result of matching one value: whether it matched, how far it got (the number of items and members that did
 * match, used to pick the most plausible alternative of a failed choice to report), and the failures. A plain
 * mismatch ("expected X, found Y") may be restated by an enclosing rule in its own terms; other failures (a bit that
 * is not allowed, a schema that loops) carry more than that and are kept.
 */
record Outcome(boolean ok, int score, List<Failure> failures, boolean mismatch) {

    static final Outcome MATCH = new Outcome(true, 1, List.of(), false);

    static Outcome match(int score) {
        return score == 1 ? MATCH : new Outcome(true, score, List.of(), false);
    }

    static Outcome fail(int score, List<Failure> failures) {
        return new Outcome(false, score, failures, false);
    }

    static Outcome fail(Path path, String message) {
        return new Outcome(false, 0, List.of(new Failure(path.toString(), message)), false);
    }

    /** The value is not of the type: nothing of it matched. */
    static Outcome mismatch(Path path, String expected, String found) {
        return new Outcome(false, 0, List.of(new Failure(path.toString(), "expected " + expected + ", found " + found)),
                true);
    }
}
