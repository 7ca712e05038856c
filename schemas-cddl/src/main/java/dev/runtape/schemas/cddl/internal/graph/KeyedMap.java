package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A map of members under distinct literal keys, then entries with type keys (see {@link MapNodes}), matched in one
 * pass over the map's members: each key is looked up among the schema's literal keys ({@link KeyTable}); a member
 * under none of them, or whose value its non-cutting optional entry refused, is left to the type keys, in their
 * order; a member nothing takes fails the map.
 */
final class KeyedMap extends Node {

    private final KeyTable keys;
    private final Node[] values;
    /** Per literal entry: whether a present member with a wrong value fails the map (a cut, or a required entry). */
    private final boolean[] decisive;
    private final boolean[] required;
    private final int requiredCount;
    private final MapGroup.Typed[] typed;
    private final LevelLimit limit;
    private final MapGuard guard;

    KeyedMap(List<MapGroup.Literal> literals, List<MapGroup.Typed> typed, LevelLimit limit) {
        List<CborValue> keyList = new ArrayList<>();
        values = new Node[literals.size()];
        decisive = new boolean[literals.size()];
        required = new boolean[literals.size()];
        int requiredCount = 0;
        List<MapGuard.Required> guard = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            MapGroup.Literal literal = literals.get(i);
            keyList.add(literal.key());
            values[i] = literal.value();
            required[i] = literal.min() >= 1;
            decisive[i] = literal.cut() || required[i];
            if (required[i]) {
                requiredCount++;
                guard.add(new MapGuard.Required(literal.key(),
                        literal.value() instanceof Equal equal ? equal.expected() : null));
            }
        }
        this.keys = new KeyTable(keyList);
        this.requiredCount = requiredCount;
        this.typed = typed.toArray(MapGroup.Typed[]::new);
        this.limit = limit;
        this.guard = new MapGuard(guard);
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborMap map)) {
            return false;
        }
        int size = map.size();
        if (size == 0) {
            return requiredCount == 0 && typedAccept(map, new Claims(0), level);
        }
        int inner = limit.next(level);
        Claims claims = new Claims(size);
        int found = 0;
        for (int i = 0; i < size; i++) {
            int entry = keys.indexOf(map.keyAt(i));
            if (entry < 0) {
                continue;
            }
            if (values[entry].matches(map.valueAt(i), inner)) {
                claims.add(i);
                if (required[entry]) {
                    found++;
                }
            } else if (decisive[entry]) {
                return false;
            }
        }
        if (found != requiredCount) {
            return false;
        }
        if (typed.length == 0) {
            return claims.count() == size;
        }
        return typedAccept(map, claims, inner) && claims.count() == size;
    }

    /** Whether the type-key entries, in order, each take enough of the members left. */
    private boolean typedAccept(CborMap map, Claims claims, int inner) {
        int size = map.size();
        for (MapGroup.Typed entry : typed) {
            long count = 0;
            for (int i = 0; i < size; i++) {
                if (count >= entry.max() || claims.contains(i) || !entry.key().matches(map.keyAt(i), inner)) {
                    continue;
                }
                if (entry.value().matches(map.valueAt(i), inner)) {
                    claims.add(i);
                    count++;
                } else if (entry.cut()) {
                    return false;
                }
            }
            if (count < entry.min()) {
                return false;
            }
        }
        return true;
    }

    @Override
    @Nullable MapGuard guard() {
        return guard.members().isEmpty() ? null : guard;
    }

    @Override
    boolean onlyMaps() {
        return true;
    }
}
