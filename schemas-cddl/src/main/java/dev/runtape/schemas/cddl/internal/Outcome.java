package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborValue;
import java.util.List;
import java.util.function.Supplier;

/**
 * The result of matching one value: whether it matched, how far it got (the number of items and members that did
 * match, used to pick the most plausible alternative of a failed choice to report), and the problems, put into
 * words only if they are reported. A plain mismatch ("expected X, found Y") may be restated by an enclosing rule in
 * its own terms; other failures (a bit that is not allowed, a schema that loops) carry more than that and are kept.
 */
record Outcome(boolean ok, int score, List<Problem> failures, boolean mismatch) {

    static final Outcome MATCH = new Outcome(true, 1, List.of(), false);

    static Outcome match(int score) {
        return score == 1 ? MATCH : new Outcome(true, score, List.of(), false);
    }

    static Outcome fail(int score, List<Problem> failures) {
        return new Outcome(false, score, failures, false);
    }

    static Outcome fail(Path path, Supplier<String> message) {
        return new Outcome(false, 0, List.of(new Problem(path, message)), false);
    }

    /** The value is not of the type: nothing of it matched. */
    static Outcome mismatch(Path path, Supplier<String> expected, CborValue found) {
        return new Outcome(false, 0,
                List.of(new Problem(path, () -> "expected " + expected.get() + ", found " + Describe.value(found))), true);
    }
}
