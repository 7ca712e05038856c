package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.internal.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A type compiled into a node, with what the interpreting {@link Matcher} would spend on it in depth: the graph may
 * only decide where the matcher could not have reached its depth limit, or their verdicts could differ.
 *
 * <p>The matcher counts a level of depth for every type it matches and every group it splices in. {@code height} is
 * the most it counts for this type on one value; {@code reach} the most it has counted when it first turns to a part
 * of the value (an item, a member, a tag's content, an embedded item), or 0 if it never does. Where a rule refers to
 * itself through a part of a value, its height is not known yet: {@code later} holds the rules whose final figures
 * are to be added, with the depth counted above them.
 *
 * @param node the compiled type
 * @param height the most depth counted on one value
 * @param reach the depth counted before turning to a part of the value; 0 if it never does
 * @param later rules still being compiled whose figures add to these
 */
record Compiled(Node node, int height, int reach, List<Later> later) {

    Compiled {
        later = List.copyOf(later);
    }

    /** The figures of a rule instance still being compiled, plus {@code above}. */
    record Later(Object instance, int above) {
    }

    /** A type the matcher decides without matching another type: a literal, a range, a kind. */
    static Compiled leaf(Node node) {
        return new Compiled(node, 1, 0, List.of());
    }

    /** A type that turns to parts of its value after counting {@code depth}: a map or array (with its splices), a tag. */
    static Compiled container(Node node, int depth) {
        return new Compiled(node, depth, depth, List.of());
    }

    /** A reference to a rule instance still being compiled. */
    static Compiled later(Node node, Object instance) {
        return new Compiled(node, 0, 0, List.of(new Later(instance, 0)));
    }

    /** {@code node}, matched by matching {@code inner} types on the same value one level deeper. */
    static Compiled above(Node node, List<Compiled> inner) {
        int height = 0;
        int reach = 0;
        List<Later> later = new ArrayList<>();
        for (Compiled each : inner) {
            height = Math.max(height, each.height);
            reach = Math.max(reach, each.reach);
            for (Later l : each.later) {
                later.add(new Later(l.instance(), l.above() + 1));
            }
        }
        return new Compiled(node, 1 + height, reach == 0 ? 0 : 1 + reach, later);
    }

    /** {@code node}, matched by matching one of {@code inner} on the same value at the same level (a rule's bodies). */
    static Compiled alongside(Node node, List<Compiled> inner) {
        int height = 0;
        int reach = 0;
        List<Later> later = new ArrayList<>();
        for (Compiled each : inner) {
            height = Math.max(height, each.height);
            reach = Math.max(reach, each.reach);
            later.addAll(each.later);
        }
        return new Compiled(node, height, reach, later);
    }

    /** {@code node}, matched by matching {@code inner} on the same value one level deeper. */
    static Compiled above(Node node, Compiled inner) {
        return above(node, List.of(inner));
    }

    /** Both figures at least {@code minimum}'s own, as a type that may turn to parts directly. */
    Compiled reachingAtLeast(int minimum) {
        return new Compiled(node, height, Math.max(reach, minimum), later);
    }
}
