package dev.runtape.schemas.cddl.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * How deep into an instance a compiled graph may look before the interpreting matcher could reach its depth limit
 * ({@link Matcher#MAX_DEPTH}) on the same instance, from the figures of every type compiled (see {@link Compiled}).
 *
 * <p>On one value the matcher counts at most {@code height} levels; it has counted at most {@code reach} when it
 * turns to a part of the value. At the n-th part deep it has counted at most {@code n * reach}, so up to there, and
 * while {@code n * reach + height <= MAX_DEPTH}, it cannot reach its limit, and the graph's verdict is its verdict.
 */
final class DepthFigures {

    private final List<Compiled> compiled = new ArrayList<>();

    /** Takes the figures of one compiled type into account. */
    Compiled note(Compiled type) {
        compiled.add(type);
        return type;
    }

    /**
     * The deepest part the graph may look at, with the figures of rule instances that were still being compiled
     * where they were used filled in from {@code instances}; empty if even the value itself could take the matcher
     * past its limit.
     */
    OptionalInt maxLevel(Function<Object, Compiled> instances) {
        Map<Object, int[]> resolved = new HashMap<>();
        int height = 0;
        int reach = 0;
        for (Compiled type : compiled) {
            int[] figures = resolve(type, instances, resolved, new HashSet<>());
            height = Math.max(height, figures[0]);
            reach = Math.max(reach, figures[1]);
        }
        if (height > Matcher.MAX_DEPTH) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(reach == 0 ? Integer.MAX_VALUE : (Matcher.MAX_DEPTH - height) / reach);
    }

    /** The height and reach of {@code type}, with those of the instances it waited for added. */
    private static int[] resolve(Compiled type, Function<Object, Compiled> instances, Map<Object, int[]> resolved,
            Set<Object> visiting) {
        int height = type.height();
        int reach = type.reach();
        for (Compiled.Later later : type.later()) {
            int[] instance = resolved.get(later.instance());
            if (instance == null) {
                if (!visiting.add(later.instance())) {
                    // An instance is never part of itself on the same value (the compiler refuses that), so its
                    // figures cannot depend on themselves.
                    throw new IllegalStateException("rule instance depends on its own depth: " + later.instance());
                }
                instance = resolve(instances.apply(later.instance()), instances, resolved, visiting);
                visiting.remove(later.instance());
                resolved.put(later.instance(), instance);
            }
            height = Math.max(height, later.above() + instance[0]);
            if (instance[1] > 0) {
                reach = Math.max(reach, later.above() + instance[1]);
            }
        }
        return new int[] {height, reach};
    }
}
