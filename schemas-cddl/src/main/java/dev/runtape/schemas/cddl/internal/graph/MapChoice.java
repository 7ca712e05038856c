package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A choice among map types dispatched on the map's members: each option with requirements ({@link MapGuard}) is
 * filed under the one it shares with the fewest other options, such as {@code "kind": "message"} for a step or the
 * key {@code "steps"} for a payload; the members of a map then pick out the few options worth trying, with one
 * table lookup each. Options without requirements, and every option that may match something other than a map,
 * are always tried. At most 64 options, one bit each.
 */
final class MapChoice extends Node {

    static final int MAX_OPTIONS = 64;

    private final Node[] options;
    /** Options tried whatever the map holds. */
    private final long always;
    /** Options that may match a value that is not a map. */
    private final long forOtherValues;
    /** The keys options are filed under; their positions index the arrays below. */
    private final KeyTable keys;
    /** Per key: the options filed under its mere presence. */
    private final long[] byPresence;
    /** Per key: the values options are filed under, or null. */
    private final @Nullable KeyTable[] values;
    /** Per key, per value: the options filed under that value. */
    private final long[][] byValue;

    private MapChoice(Node[] options, long always, long forOtherValues, KeyTable keys, long[] byPresence,
            @Nullable KeyTable[] values, long[][] byValue) {
        this.options = options;
        this.always = always;
        this.forOtherValues = forOtherValues;
        this.keys = keys;
        this.byPresence = byPresence;
        this.values = values;
        this.byValue = byValue;
    }

    /** A dispatching choice among {@code options}, or null when fewer than two of them have requirements. */
    static @Nullable MapChoice of(List<Node> options) {
        if (options.size() > MAX_OPTIONS) {
            return null;
        }
        List<@Nullable MapGuard> guards = new ArrayList<>();
        Map<MapGuard.Required, Integer> shared = new HashMap<>();
        for (Node option : options) {
            MapGuard guard = option.guard();
            guards.add(guard);
            if (guard != null) {
                for (MapGuard.Required required : guard.members()) {
                    shared.merge(required, 1, Integer::sum);
                    if (required.value() != null) {
                        shared.merge(new MapGuard.Required(required.key(), null), 1, Integer::sum);
                    }
                }
            }
        }
        long always = 0;
        long forOtherValues = 0;
        // Per key: the options filed under its presence, then under each of its values.
        Map<CborValue, Long> presence = new LinkedHashMap<>();
        Map<CborValue, Map<CborValue, Long>> valued = new LinkedHashMap<>();
        int guarded = 0;
        for (int i = 0; i < options.size(); i++) {
            long bit = 1L << i;
            if (!options.get(i).onlyMaps()) {
                forOtherValues |= bit;
            }
            MapGuard.Required best = rarest(guards.get(i), shared);
            if (best == null) {
                always |= bit;
                continue;
            }
            guarded++;
            presence.putIfAbsent(best.key(), 0L);
            CborValue value = best.value();
            if (value == null) {
                presence.merge(best.key(), bit, (a, b) -> a | b);
            } else {
                valued.computeIfAbsent(best.key(), k -> new LinkedHashMap<>()).merge(value, bit, (a, b) -> a | b);
            }
        }
        if (guarded < 2) {
            return null;
        }
        List<CborValue> keyList = new ArrayList<>(presence.keySet());
        long[] byPresence = new long[keyList.size()];
        KeyTable[] values = new KeyTable[keyList.size()];
        long[][] byValue = new long[keyList.size()][];
        for (int k = 0; k < keyList.size(); k++) {
            CborValue key = keyList.get(k);
            byPresence[k] = presence.get(key);
            Map<CborValue, Long> under = valued.get(key);
            if (under != null) {
                values[k] = new KeyTable(new ArrayList<>(under.keySet()));
                byValue[k] = under.values().stream().mapToLong(Long::longValue).toArray();
            }
        }
        return new MapChoice(options.toArray(Node[]::new), always, forOtherValues, new KeyTable(keyList), byPresence,
                values, byValue);
    }

    /** The requirement of {@code guard} that the fewest options share; a value before a bare key on a tie. */
    private static MapGuard.@Nullable Required rarest(@Nullable MapGuard guard, Map<MapGuard.Required, Integer> shared) {
        if (guard == null) {
            return null;
        }
        MapGuard.Required best = null;
        int bestCount = Integer.MAX_VALUE;
        for (MapGuard.Required required : guard.members()) {
            int count = shared.get(required);
            if (count < bestCount || (count == bestCount && required.value() != null && best.value() == null)) {
                best = required;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        long candidates;
        if (value instanceof CborMap map) {
            candidates = always;
            int size = map.size();
            for (int i = 0; i < size; i++) {
                int k = keys.indexOf(map.keyAt(i));
                if (k < 0) {
                    continue;
                }
                candidates |= byPresence[k];
                KeyTable under = values[k];
                if (under != null) {
                    int v = under.indexOf(map.valueAt(i));
                    if (v >= 0) {
                        candidates |= byValue[k][v];
                    }
                }
            }
        } else {
            candidates = forOtherValues;
        }
        while (candidates != 0) {
            int i = Long.numberOfTrailingZeros(candidates);
            if (options[i].matches(value, level)) {
                return true;
            }
            candidates &= candidates - 1;
        }
        return false;
    }

    @Override
    boolean onlyMaps() {
        return forOtherValues == 0;
    }
}
