package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A map whose group {@link KeyedMap} cannot take: choices, optional or repeated spliced groups, a literal key given
 * twice or after a type key. Matched as the interpreting matcher matches maps, greedily, entry by entry in the
 * group's order, each taking members still unclaimed; a choice or a repetition of a spliced group works on a copy
 * of the claims and keeps it only if it matches.
 */
final class GroupedMap extends Node {

    private final MapGroup group;
    private final LevelLimit limit;

    GroupedMap(MapGroup group, LevelLimit limit) {
        this.group = group;
        this.limit = limit;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborMap map)) {
            return false;
        }
        Claims claims = group(group, map, new Claims(map.size()), limit.next(level));
        return claims != null && claims.count() == map.size();
    }

    /** The claims after the first choice of {@code group} that matches, or null if none does. */
    private @Nullable Claims group(MapGroup group, CborMap map, Claims before, int level) {
        if (group.choices().isEmpty()) {
            return before;
        }
        for (List<MapGroup.Member> choice : group.choices()) {
            Claims claims = before.copy();
            if (sequence(choice, map, claims, level)) {
                return claims;
            }
        }
        return null;
    }

    private boolean sequence(List<MapGroup.Member> members, CborMap map, Claims claims, int level) {
        for (MapGroup.Member member : members) {
            boolean ok = switch (member) {
                case MapGroup.Literal literal -> literal(literal, map, claims, level);
                case MapGroup.Typed typed -> typed(typed, map, claims, level);
                case MapGroup.Spliced spliced -> spliced(spliced, map, claims, level);
                case MapGroup.Keyless keyless -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean literal(MapGroup.Literal entry, CborMap map, Claims claims, int level) {
        int i = map.indexOf(entry.key());
        if (i < 0 || claims.contains(i)) {
            return entry.min() == 0;
        }
        if (entry.value().matches(map.valueAt(i), level)) {
            claims.add(i);
            return entry.min() <= 1; // a map holds a key once: more than one such member is never there
        }
        // A wrong value under a cut key fails; otherwise an optional entry leaves the member to another entry.
        return !entry.cut() && entry.min() == 0;
    }

    private boolean typed(MapGroup.Typed entry, CborMap map, Claims claims, int level) {
        long count = 0;
        for (int i = 0; i < map.size(); i++) {
            if (count >= entry.max() || claims.contains(i) || !entry.key().matches(map.keyAt(i), level)) {
                continue;
            }
            if (entry.value().matches(map.valueAt(i), level)) {
                claims.add(i);
                count++;
            } else if (entry.cut()) {
                return false;
            }
        }
        return count >= entry.min();
    }

    private boolean spliced(MapGroup.Spliced entry, CborMap map, Claims claims, int level) {
        long count = 0;
        while (count < entry.max()) {
            Claims after = group(entry.group(), map, claims, level);
            if (after == null) {
                return count >= entry.min();
            }
            boolean progressed = after.count() > claims.count();
            claims.set(after);
            count++;
            if (!progressed) {
                break; // an optional-only group that claimed nothing: repeating it changes nothing
            }
        }
        return true;
    }

    @Override
    boolean onlyMaps() {
        return true;
    }
}
