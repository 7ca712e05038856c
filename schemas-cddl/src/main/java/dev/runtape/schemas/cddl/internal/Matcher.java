package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.GroupExpr;
import dev.runtape.schemas.cddl.syntax.Literal;
import dev.runtape.schemas.cddl.syntax.Occurrence;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Matches instances against the types and groups of a schema (RFC 8610 §2 and §3).
 *
 * <ul>
 *   <li>A failed choice reports its most plausible alternative: the one that matched most items and members
 *       before failing (a member under a literal key counts more than one a type key such as {@code tstr} takes);
 *       when none got anywhere, or distinct alternatives got equally far, it reports the whole choice as expected.
 *   <li>Arrays are matched as sequences with backtracking over occurrences: the set of positions each entry can
 *       end at is carried forward as a whole, so the work grows with the array's length times the group's entries
 *       rather than with the ways to split the array.
 *   <li>Maps are matched greedily, in an order that does not depend on how the group is written: first the
 *       entries with a literal key, then spliced groups, then the entries with a type key (required ones first),
 *       each taking the members still unclaimed. A key given with {@code :} or {@code ^} cuts: a present member with
 *       a wrong value fails at once. A literal key given with {@code =>} does not (RFC 8610 §3.5.4): the member is
 *       left for a later entry such as {@code * tstr => any}. Members nothing claims are reported as unexpected.
 * </ul>
 *
 * A validator asks this matcher about the instances its compiled graph does not accept ({@link GraphCompiler},
 * decision 0011): it decides them again and puts the failures into words. What it accepts, the graph accepts.
 *
 * <p>One matcher serves one validation; it is not thread-safe.
 */
public final class Matcher {

    /**
     * How deep type matches may nest: enough for instances some 170 levels deep, and safe for a thread's default
     * stack. (A schema that loops without consuming anything is caught before, by {@link #enter}.)
     */
    static final int MAX_DEPTH = 512;

    /** Past this many items and members deep, running out of depth is blamed on the instance, not the schema. */
    private static final int DEEP_INSTANCE = 32;

    private final Definitions definitions;
    private final Resolver resolver;
    private int depth;
    /** Where the depth limit was first reached, if it was. */
    private @Nullable Path tooDeep;
    /** The rules and spliced groups being matched, innermost last: what, in which scope, on what, from where. */
    private final ArrayList<Active> active = new ArrayList<>();

    private record Active(Object what, Env env, Object on, int at) {
    }

    public Matcher(Definitions definitions) {
        this.definitions = definitions;
        this.resolver = new Resolver(definitions);
    }

    /** The failures of {@code value} against {@code type}; empty when it matches. */
    public List<Failure> validate(TypeExpr type, CborValue value) {
        Outcome outcome = type(type, value, Env.EMPTY, Path.ROOT);
        if (outcome.ok()) {
            return List.of();
        }
        List<Failure> reported = outcome.failures().stream().map(Problem::render).distinct().toList();
        if (tooDeep != null) {
            // Reaching the depth limit fails a branch, which a choice may then report as a plain mismatch above
            // it: report the limit itself, and drop the failures on the way to it.
            String where = tooDeep.toString();
            List<Failure> failures = new ArrayList<>();
            failures.add(new Failure(where, depthMessage(tooDeep)));
            for (Failure failure : reported) {
                if (!isWithin(where, failure.path()) && !failures.contains(failure)) {
                    failures.add(failure);
                }
            }
            return failures;
        }
        return reported.isEmpty()
                ? List.of(new Failure(Path.ROOT.toString(), "does not match " + Describe.type(type)))
                : reported;
    }

    // --- types --------------------------------------------------------------------------------------------

    private Outcome tooDeep(Path path) {
        if (tooDeep == null) {
            tooDeep = path;
        }
        return Outcome.fail(path, () -> depthMessage(path));
    }

    /**
     * Enters the matching of {@code what} (a rule or a spliced group) in {@code env} on {@code on} (a value, the
     * state of a map, the items of an array) at {@code at} (members claimed, or array position); or returns the
     * index of the same matching already under way with nothing consumed since, which would only loop. Matchings on
     * one value, map or array sit together at the top, so only those are looked at.
     */
    private int enter(Object what, Env env, Object on, int at) {
        for (int i = active.size() - 1; i >= 0 && active.get(i).on() == on; i--) {
            Active a = active.get(i);
            if (a.what() == what && a.env() == env && a.at() == at) {
                return i;
            }
        }
        active.add(new Active(what, env, on, at));
        return -1;
    }

    private void leave() {
        active.removeLast();
    }

    /** The names from the matching at {@code from} to the innermost, as {@code a -> b -> a}. */
    private String loop(int from, String again) {
        StringBuilder chain = new StringBuilder();
        for (int i = from; i < active.size(); i++) {
            if (active.get(i).what() instanceof RuleDefinition rule) {
                chain.append(rule.name()).append(" -> ");
            }
        }
        return chain.append(again).toString();
    }

    /** Whether the rendered path {@code inner} is {@code outer} or inside it. */
    private static boolean isWithin(String inner, String outer) {
        return inner.startsWith(outer) && (inner.length() == outer.length()
                || inner.charAt(outer.length()) == '[' || inner.charAt(outer.length()) == '.');
    }

    private static String depthMessage(Path path) {
        return path.depth() > DEEP_INSTANCE
                ? "the instance nests too deeply to validate (" + path.depth() + " items and members deep)"
                : "the schema refers to itself more than " + MAX_DEPTH + " levels deep here";
    }

    private Outcome type(TypeExpr type, CborValue value, Env env, Path path) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return tooDeep(path);
        }
        try {
            return switch (type) {
                case TypeExpr.Choice c -> choice(c.options(), value, env, path, () -> Describe.type(c));
                case TypeExpr.Value v -> literal(v.literal(), value)
                        ? Outcome.MATCH
                        : mismatch(path, () -> Describe.type(v), value);
                case TypeExpr.Name n -> name(n, value, env, path);
                case TypeExpr.MapOf m -> map(m.group(), value, env, path);
                case TypeExpr.ArrayOf a -> array(a.group(), value, env, path);
                case TypeExpr.Parenthesized p -> parenthesized(p, value, env, path);
                case TypeExpr.Unwrap u -> unwrapAsType(u, value, env, path);
                case TypeExpr.Enumeration e -> {
                    List<TypeExpr> values = resolver.enumeration(e.group(), env);
                    yield choice(values, value, env, path, () -> Describe.type(e));
                }
                case TypeExpr.MajorType t -> majorType(t, value, env, path);
                case TypeExpr.Range r -> range(r, value, env, path);
                case TypeExpr.Control c -> control(c, value, env, path);
            };
        } finally {
            depth--;
        }
    }

    /**
     * The first option that matches; else the failures of the option that got furthest, or the whole choice as
     * expected when none got anywhere, or when several distinct options got equally far (no one of them is the
     * more plausible).
     */
    private Outcome choice(List<TypeExpr> options, CborValue value, Env env, Path path,
            java.util.function.Supplier<String> described) {
        Outcome[] tried = new Outcome[options.size()];
        if (value instanceof CborMap map && options.size() > 1) {
            // First the options the map's members admit: the one that matches is among them. Only when none
            // matches are the others tried as well, for their scores to pick what to report.
            for (int i = 0; i < options.size(); i++) {
                if (admits(options.get(i), map, env)) {
                    tried[i] = type(options.get(i), value, env, path);
                    if (tried[i].ok()) {
                        return tried[i];
                    }
                }
            }
        }
        Outcome best = null;
        int tied = 0;
        for (int i = 0; i < options.size(); i++) {
            Outcome outcome = tried[i] != null ? tried[i] : type(options.get(i), value, env, path);
            if (outcome.ok()) {
                return outcome;
            }
            if (best == null || outcome.score() > best.score()) {
                best = outcome;
                tied = 1;
            } else if (outcome.score() == best.score()) {
                tied++;
            }
        }
        if (best == null || best.score() == 0) {
            return mismatch(path, described, value);
        }
        if (tied > 1 && distinctlyDescribed(options)) {
            return Outcome.fail(best.score(), List.of(new Problem(path,
                    () -> "expected " + described.get() + ", found " + Describe.value(value))));
        }
        return best;
    }

    /** False only when {@code option} names a map type whose required members {@code map} lacks. */
    private boolean admits(TypeExpr option, CborMap map, Env env) {
        if (!(option instanceof TypeExpr.Name name) || !name.arguments().isEmpty() || env.lookup(name.name()) != null) {
            return true;
        }
        return definitions.requirements(name.name(), this::requirements).admit(map);
    }

    /** The members a rule that names a map type requires under literal keys, with their literal values. */
    private Requirements requirements(String ruleName) {
        RuleDefinition rule = definitions.rule(ruleName);
        if (rule == null || !rule.parameters().isEmpty() || rule.bodies().size() != 1
                || rule.bodies().getFirst().key().isPresent()
                || !rule.bodies().getFirst().occurrence().equals(Occurrence.ONCE)
                || !(resolver.resolve(rule.bodies().getFirst().value(), Env.EMPTY) instanceof TypeExpr.MapOf map)
                || map.group().choices().size() != 1) {
            return Requirements.NONE;
        }
        List<CborValue> keys = new ArrayList<>();
        List<@Nullable CborValue> values = new ArrayList<>();
        for (GroupEntry entry : map.group().choices().getFirst()) {
            if (entry.key().isEmpty() || entry.occurrence().min() < 1) {
                continue;
            }
            Literal key = resolver.literalOf(entry.key().get().type(), Env.EMPTY);
            if (key == null) {
                continue;
            }
            Literal wanted = resolver.literalOf(entry.value(), Env.EMPTY);
            keys.add(definitions.keyValue(key, Literals::valueOf));
            values.add(wanted == null ? null : Literals.valueOf(wanted));
        }
        return new Requirements(keys, values);
    }

    /** Whether the options read differently in a message: {@code map / map} would tell nothing. */
    private static boolean distinctlyDescribed(List<TypeExpr> options) {
        Set<String> seen = new HashSet<>();
        for (TypeExpr option : options) {
            if (!seen.add(Describe.type(option))) {
                return false;
            }
        }
        return true;
    }

    private Outcome name(TypeExpr.Name name, CborValue value, Env env, Path path) {
        Env.Binding bound = env.lookup(name.name());
        if (bound != null) {
            return type(bound.type(), value, bound.env(), path);
        }
        TypeExpr direct = name.arguments().isEmpty() ? definitions.direct(name.name()) : null;
        if (direct != null) {
            Outcome outcome = type(direct, value, Env.EMPTY, path);
            if (!outcome.ok() && outcome.score() == 0 && outcome.mismatch()) {
                RuleDefinition rule = definitions.rule(name.name());
                return mismatch(path, () -> expected(name, rule), value);
            }
            return outcome;
        }
        RuleDefinition rule = definitions.rule(name.name());
        if (rule == null) {
            return mismatch(path, () -> name.name() + " (a socket nothing plugs into)", value);
        }
        if (definitions.isGroup(name.name())) {
            return Outcome.fail(path, () -> name.name() + " is a group; it cannot stand for one value");
        }
        Env inner = Env.bind(rule.parameters(), name.arguments(), env);
        int again = enter(rule, inner, value, 0);
        if (again >= 0) {
            String cycle = loop(again, name.name()); // read now: the stack it names unwinds before rendering
            return Outcome.fail(path, () -> "the schema loops here without matching anything: " + cycle);
        }
        Outcome outcome;
        try {
            outcome = rule.bodies().size() == 1
                    ? type(rule.bodies().getFirst().value(), value, inner, path)
                    : choice(rule.bodies().stream().map(GroupEntry::value).toList(), value, inner, path, name::name);
        } finally {
            leave();
        }
        if (!outcome.ok() && outcome.score() == 0 && outcome.mismatch()) {
            return mismatch(path, () -> expected(name, rule), value);
        }
        return outcome;
    }

    /**
     * A rule as expected in a message: a prelude or generic rule by its name ({@code uint}), any other with what it
     * stands for ({@code port (0..65535)}), which the name alone would hide.
     */
    private static String expected(TypeExpr.Name name, RuleDefinition rule) {
        String named = Describe.type(name);
        if (rule.source().equals("prelude") || !rule.parameters().isEmpty()) {
            return named;
        }
        String definition = rule.bodies().stream().map(body -> Describe.type(body.value()))
                .collect(java.util.stream.Collectors.joining(" / "));
        return definition.equals(named) ? named : named + " (" + definition + ")";
    }

    private Outcome parenthesized(TypeExpr.Parenthesized type, CborValue value, Env env, Path path) {
        GroupEntry single = type.group().single().orElse(null);
        if (single == null || single.key().isPresent() || !single.occurrence().equals(Occurrence.ONCE)) {
            return Outcome.fail(path, () -> "the group (" + Describe.group(type.group()) + ") cannot stand for one value");
        }
        return type(single.value(), value, env, path);
    }

    private Outcome unwrapAsType(TypeExpr.Unwrap unwrap, CborValue value, Env env, Path path) {
        TypeExpr target = resolver.resolve(unwrap.name(), env);
        if (target instanceof TypeExpr.MajorType tag && tag.majorType().orElse(-1) == 6) {
            return type(tag.content(), value, env, path);
        }
        return Outcome.fail(path, () -> "~" + unwrap.name().name() + " unwraps a map or array into a group; it cannot stand "
                + "for one value");
    }

    private Outcome majorType(TypeExpr.MajorType type, CborValue value, Env env, Path path) {
        if (type.majorType().isEmpty()) {
            return Outcome.MATCH;
        }
        long major = type.majorType().getAsLong();
        boolean hasArgument = type.argument().isPresent();
        long argument = type.argument().orElse(0);
        boolean matches = switch (value) {
            case CborInteger i when major == 0 -> i.value().signum() >= 0
                    && (!hasArgument || i.value().equals(unsigned(argument)));
            case CborInteger i when major == 1 -> i.value().signum() < 0
                    && (!hasArgument || i.value().equals(unsigned(argument).add(BigInteger.ONE).negate()));
            case CborByteString b when major == 2 -> !hasArgument || b.length() == argument;
            case CborTextString t when major == 3 -> !hasArgument
                    || t.value().getBytes(StandardCharsets.UTF_8).length == argument;
            case CborArray a when major == 4 -> !hasArgument || a.size() == argument;
            case CborMap m when major == 5 -> !hasArgument || m.size() == argument;
            case CborTag t when major == 6 -> !hasArgument || t.tag() == argument;
            case CborFloat f when major == 7 -> !hasArgument || floatFits(f.value(), argument);
            case CborSimple s when major == 7 -> !hasArgument || s.value() == argument;
            default -> false;
        };
        if (!matches) {
            return mismatch(path, () -> Describe.type(type), value);
        }
        if (major == 6 && value instanceof CborTag tag) {
            Outcome content = type(type.content(), tag.content(), env, path);
            return content.ok() ? Outcome.match(1 + content.score()) : Outcome.fail(1 + content.score(), content.failures());
        }
        return Outcome.MATCH;
    }

    /** #7.25, #7.26 and #7.27: a float that half, single or double precision holds exactly. */
    private static boolean floatFits(double value, long width) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return width >= 25 && width <= 27;
        }
        return switch ((int) width) {
            case 25 -> Float.float16ToFloat(Float.floatToFloat16((float) value)) == value;
            case 26 -> (double) (float) value == value;
            case 27 -> true;
            default -> false;
        };
    }

    private Outcome range(TypeExpr.Range range, CborValue value, Env env, Path path) {
        Literal low = resolver.literalOf(range.low(), env);
        Literal high = resolver.literalOf(range.high(), env);
        if (low == null || high == null) {
            return Outcome.fail(path, () -> "the range " + Describe.type(range) + " needs literal bounds");
        }
        boolean integers = low instanceof Literal.IntegerLiteral && high instanceof Literal.IntegerLiteral;
        BigDecimal number = switch (value) {
            case CborInteger i when integers -> new BigDecimal(i.value());
            case CborFloat f when !integers && !Double.isNaN(f.value()) && !Double.isInfinite(f.value()) ->
                    new BigDecimal(f.value());
            default -> null;
        };
        if (number == null) {
            return mismatch(path, () -> Describe.type(range), value);
        }
        BigDecimal from = Literals.decimal(low);
        BigDecimal to = Literals.decimal(high);
        boolean inside = number.compareTo(from) >= 0
                && (range.inclusive() ? number.compareTo(to) <= 0 : number.compareTo(to) < 0);
        return inside ? Outcome.MATCH : mismatch(path, () -> Describe.type(range), value);
    }

    // --- control operators (RFC 8610 §3.8, RFC 9165) --------------------------------------------------------

    private Outcome control(TypeExpr.Control control, CborValue value, Env env, Path path) {
        Outcome target = type(control.target(), value, env, path);
        if (!target.ok()) {
            return target;
        }
        TypeExpr controller = control.controller();
        return switch (control.operator()) {
            case "size" -> size(control, value, env, path);
            case "bits" -> bits(control, value, env, path);
            case "regexp" -> {
                Literal pattern = resolver.literalOf(controller, env);
                boolean ok = value instanceof CborTextString text && pattern instanceof Literal.TextLiteral regex
                        && definitions.pattern(regex.value()).matcher(text.value()).matches();
                yield ok ? Outcome.MATCH : mismatch(path, () -> Describe.type(control), value);
            }
            case "cbor" -> embeddedCbor(control, value, env, path, false);
            case "cborseq" -> embeddedCbor(control, value, env, path, true);
            case "within", "and" -> {
                Outcome both = type(controller, value, env, path);
                yield both.ok() ? Outcome.match(target.score()) : both;
            }
            case "lt", "le", "gt", "ge" -> compare(control, value, env, path);
            case "eq", "ne" -> {
                Literal expected = resolver.literalOf(controller, env);
                boolean equal = expected != null && (literal(expected, value) || numericallyEqual(expected, value));
                boolean ok = control.operator().equals("eq") == equal;
                yield ok ? Outcome.MATCH : mismatch(path, () -> Describe.type(control), value);
            }
            case "default" -> target;
            default -> Outcome.fail(path, () -> "unknown control operator ." + control.operator());
        };
    }

    private Outcome size(TypeExpr.Control control, CborValue value, Env env, Path path) {
        long size;
        switch (value) {
            case CborByteString b -> size = b.length();
            case CborTextString t -> size = t.value().getBytes(StandardCharsets.UTF_8).length;
            case CborInteger i when i.value().signum() >= 0 -> {
                Literal bytes = resolver.literalOf(control.controller(), env);
                boolean fits = bytes instanceof Literal.IntegerLiteral n
                        && i.value().bitLength() <= n.value().longValue() * 8;
                return fits ? Outcome.MATCH : mismatch(path, () -> Describe.type(control), value);
            }
            default -> {
                return mismatch(path, () -> Describe.type(control), value);
            }
        }
        Outcome fits = type(control.controller(), CborInteger.of(size), env, path);
        return fits.ok() ? Outcome.MATCH : mismatch(path, () -> Describe.type(control), value);
    }

    private Outcome bits(TypeExpr.Control control, CborValue value, Env env, Path path) {
        List<Long> set = new ArrayList<>();
        if (value instanceof CborInteger i && i.value().signum() >= 0) {
            BigInteger bits = i.value();
            for (int bit = bits.getLowestSetBit(); bit >= 0 && bit < bits.bitLength(); bit++) {
                if (bits.testBit(bit)) {
                    set.add((long) bit);
                }
            }
        } else if (value instanceof CborByteString b) {
            byte[] bytes = b.bytes();
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                if ((bytes[bit / 8] & (1 << (bit % 8))) != 0) {
                    set.add((long) bit);
                }
            }
        } else {
            return mismatch(path, () -> Describe.type(control), value);
        }
        for (long bit : set) {
            if (!type(control.controller(), CborInteger.of(bit), env, path).ok()) {
                return Outcome.fail(path, () -> "bit " + bit + " is set, but " + Describe.type(control.controller())
                        + " does not allow it");
            }
        }
        return Outcome.MATCH;
    }

    private Outcome embeddedCbor(TypeExpr.Control control, CborValue value, Env env, Path path, boolean sequence) {
        if (!(value instanceof CborByteString bytes)) {
            return mismatch(path, () -> Describe.type(control), value);
        }
        CborValue embedded;
        try {
            embedded = sequence
                    ? new CborArray(CborDecoder.decodeSequence(bytes.bytes(), CborProfile.WELL_FORMED))
                    : CborDecoder.decode(bytes.bytes(), CborProfile.WELL_FORMED);
        } catch (CborException e) {
            return Outcome.fail(1, List.of(new Problem(path,
                    () -> "expected bytes holding " + (sequence ? "a CBOR sequence" : "CBOR") + ", but " + e.getMessage())));
        }
        Outcome inner = type(control.controller(), embedded, env, path);
        return inner.ok() ? Outcome.match(1 + inner.score()) : Outcome.fail(1 + inner.score(), inner.failures());
    }

    private Outcome compare(TypeExpr.Control control, CborValue value, Env env, Path path) {
        Literal bound = resolver.literalOf(control.controller(), env);
        BigDecimal number = numberOf(value);
        if (bound == null || number == null || bound instanceof Literal.TextLiteral
                || bound instanceof Literal.BytesLiteral) {
            return mismatch(path, () -> Describe.type(control), value);
        }
        int order = number.compareTo(Literals.decimal(bound));
        boolean ok = switch (control.operator()) {
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            case "gt" -> order > 0;
            default -> order >= 0;
        };
        return ok ? Outcome.MATCH : mismatch(path, () -> Describe.type(control), value);
    }

    // --- maps ---------------------------------------------------------------------------------------------

    /** The members of a map being matched, and which of them an entry has claimed. */
    private static final class MapState {
        final CborMap map;
        Claims claimed;
        /** For members a type key matched but whose value did not: the failure to report if nothing claims them. */
        final java.util.HashMap<CborValue, Outcome> nearMisses = new java.util.HashMap<>();

        MapState(CborMap map) {
            this.map = map;
            this.claimed = Claims.none(map);
        }
    }

    private Outcome map(GroupExpr group, CborValue value, Env env, Path path) {
        if (!(value instanceof CborMap map)) {
            return mismatch(path, () -> "map", value);
        }
        MapState state = new MapState(map);
        Outcome members = mapGroup(group, env, state, path);
        if (!members.ok()) {
            return Outcome.fail(1 + members.score(), members.failures());
        }
        List<Problem> unexpected = new ArrayList<>();
        for (Map.Entry<CborValue, CborValue> member : map.entries().entrySet()) {
            if (!state.claimed.contains(member.getKey())) {
                Outcome nearMiss = state.nearMisses.get(member.getKey());
                if (nearMiss != null) {
                    unexpected.addAll(nearMiss.failures());
                } else {
                    unexpected.add(new Problem(path.member(member.getKey()),
                            () -> "unexpected member (the map allows " + Describe.group(group) + ")"));
                }
            }
        }
        return unexpected.isEmpty()
                ? Outcome.match(1 + members.score())
                : Outcome.fail(1 + members.score(), unexpected);
    }

    private Outcome mapGroup(GroupExpr group, Env env, MapState state, Path path) {
        Outcome best = null;
        Claims before = state.claimed;
        for (List<GroupEntry> choice : group.choices()) {
            state.claimed = before.copy();
            Outcome outcome = mapSequence(choice, env, state, path);
            if (outcome.ok()) {
                return outcome;
            }
            if (best == null || outcome.score() > best.score()) {
                best = outcome;
            }
        }
        state.claimed = before;
        return best == null ? Outcome.match(0) : best;
    }

    private Outcome mapSequence(List<GroupEntry> entries, Env env, MapState state, Path path) {
        int score = 0;
        List<Problem> failures = new ArrayList<>();
        for (GroupEntry entry : mapOrder(entries, env)) {
            Outcome outcome = mapEntry(entry, env, state, path);
            score += outcome.score();
            failures.addAll(outcome.failures());
        }
        return failures.isEmpty() ? Outcome.match(score) : Outcome.fail(score, failures);
    }

    /**
     * The entries of a map's group in the order they are matched: the members of a map have no order, so the entries
     * with a literal key go first (each claims its one member), then spliced groups, then the entries with type keys
     * (which take whatever is left) — so that {@code {* tstr => any, name: tstr}} leaves {@code name} to its entry.
     */
    private List<GroupEntry> mapOrder(List<GroupEntry> entries, Env env) {
        if (entries.size() < 2) {
            return entries;
        }
        if (env == Env.EMPTY) {
            // Without generic arguments in scope the order depends on the entries alone: work it out once.
            return definitions.memberOrder(entries, e -> resolver.memberOrder(e, Env.EMPTY));
        }
        return resolver.memberOrder(entries, env);
    }

    private Outcome mapEntry(GroupEntry entry, Env env, MapState state, Path path) {
        Occurrence occurrence = entry.occurrence();
        if (entry.key().isEmpty()) {
            Resolver.Splice splice = resolver.splice(entry, env);
            if (splice == null) {
                return Outcome.fail(path, () -> "the map's group has an entry without a key: " + Describe.entry(entry));
            }
            if (enter(splice.group(), splice.env(), state, state.claimed.size()) >= 0) {
                // The group spliced itself in again before claiming a member: that can only repeat.
                return occurrence.min() == 0 ? Outcome.match(0) : Outcome.fail(path, () -> "the group "
                        + Describe.entry(entry) + " splices itself in again before matching a member");
            }
            if (++depth > MAX_DEPTH) {
                depth--;
                leave();
                return tooDeep(path);
            }
            try {
                return mapSplice(splice, occurrence, state, path);
            } finally {
                depth--;
                leave();
            }
        }
        GroupEntry.MemberKey key = entry.key().get();
        Literal literalKey = resolver.literalOf(key.type(), env);
        if (literalKey != null) {
            CborValue wanted = definitions.keyValue(literalKey, Literals::valueOf);
            CborValue member = state.map.entries().get(wanted);
            if (member == null || state.claimed.contains(wanted)) {
                return occurrence.min() == 0 ? Outcome.match(0)
                        : Outcome.fail(path, () -> "missing member " + missing(key, wanted, entry));
            }
            Outcome valueOutcome = type(entry.value(), member, env, path.member(wanted));
            if (!valueOutcome.ok()) {
                // The key is there: that counts for this alternative, more than a missing key would.
                Outcome present = Outcome.fail(1 + valueOutcome.score(), valueOutcome.failures());
                if (key.cut()) {
                    state.claimed.add(wanted); // a cut: no later entry may take this member instead
                    return present;
                }
                if (occurrence.min() == 0) {
                    // Without a cut another entry (say * tstr => any) may still take the member (RFC 8610 §3.5.4).
                    state.nearMisses.putIfAbsent(wanted, valueOutcome);
                    return Outcome.match(0);
                }
                return present;
            }
            state.claimed.add(wanted);
            state.nearMisses.remove(wanted);
            if (occurrence.min() > 1) {
                return Outcome.fail(1 + valueOutcome.score(), List.of(new Problem(path, () -> "expected "
                        + occurrence.min() + " members " + Describe.entry(entry) + ", but a map holds a key once")));
            }
            return Outcome.match(1 + valueOutcome.score());
        }
        long count = 0;
        int score = 0;
        List<Problem> failures = new ArrayList<>();
        List<Problem> nearMisses = new ArrayList<>();
        for (Map.Entry<CborValue, CborValue> member : state.map.entries().entrySet()) {
            if (count >= occurrence.max() || state.claimed.contains(member.getKey())) {
                continue;
            }
            if (!type(key.type(), member.getKey(), env, path).ok()) {
                continue;
            }
            Path memberPath = path.member(member.getKey());
            Outcome valueOutcome = type(entry.value(), member.getValue(), env, memberPath);
            if (valueOutcome.ok()) {
                state.claimed.add(member.getKey());
                state.nearMisses.remove(member.getKey());
                count++;
                // No bonus for the key, unlike a literal key: a member that a type key such as tstr takes says
                // little about which alternative of a choice the map was meant to be.
                score += valueOutcome.score();
            } else if (key.cut()) {
                state.claimed.add(member.getKey());
                score += 1 + valueOutcome.score();
                failures.addAll(valueOutcome.failures());
            } else {
                state.nearMisses.putIfAbsent(member.getKey(), valueOutcome);
                nearMisses.addAll(valueOutcome.failures());
            }
        }
        if (!failures.isEmpty()) {
            return Outcome.fail(score, failures);
        }
        if (count < occurrence.min() && !nearMisses.isEmpty()) {
            return Outcome.fail(score, nearMisses); // the members the key matched, and why their values did not
        }
        if (count < occurrence.min()) {
            long found = count;
            return Outcome.fail(score, List.of(new Problem(path, () -> "expected " + occurrence.min()
                    + (occurrence.min() == 1 ? " member " : " members ") + Describe.entry(entry) + ", found " + found)));
        }
        return Outcome.match(score);
    }

    private Outcome mapSplice(Resolver.Splice splice, Occurrence occurrence, MapState state, Path path) {
        int score = 0;
        long count = 0;
        while (count < occurrence.max()) {
            Claims before = state.claimed;
            Outcome outcome = mapGroup(splice.group(), splice.env(), state, path);
            boolean progressed = state.claimed.size() > before.size();
            if (!outcome.ok()) {
                state.claimed = before;
                if (count < occurrence.min()) {
                    return Outcome.fail(score + outcome.score(), outcome.failures());
                }
                break;
            }
            count++;
            score += outcome.score();
            if (!progressed) {
                break; // an optional-only group that claimed nothing: repeating it changes nothing
            }
        }
        return Outcome.match(score);
    }

    // --- arrays -------------------------------------------------------------------------------------------

    /** The furthest an array match got before failing, and why: what to report if no match covers the array. */
    private static final class Progress {
        int index = -1;
        Outcome failure = Outcome.fail(0, List.of());

        void failed(int at, Outcome outcome) {
            if (at > index || (at == index && outcome.score() > failure.score())) {
                index = at;
                failure = outcome;
            }
        }
    }

    private Outcome array(GroupExpr group, CborValue value, Env env, Path path) {
        if (!(value instanceof CborArray array)) {
            return mismatch(path, () -> "array", value);
        }
        List<CborValue> items = array.items();
        Progress progress = new Progress();
        BitSet start = new BitSet();
        start.set(0);
        BitSet ends = groupEnds(group, env, items, start, path, progress, true);
        if (ends.get(items.size())) {
            return Outcome.match(1 + items.size());
        }
        int furthest = ends.isEmpty() ? -1 : ends.previousSetBit(items.size());
        if (furthest > progress.index) {
            return Outcome.fail(1 + furthest, List.of(new Problem(path.index(furthest),
                    () -> "unexpected item: the array allows " + Describe.group(group) + " and ends after " + furthest
                            + (furthest == 1 ? " item" : " items"))));
        }
        return Outcome.fail(1 + Math.max(progress.index, 0) + progress.failure.score(), progress.failure.failures());
    }

    /**
     * The positions at which {@code group}, matched from any of {@code starts}, can end. {@code required} is false
     * for an optional repetition: running out of items before it has taken any is no failure worth reporting.
     * Positions are carried as sets, so each entry looks at each item at most once per repetition count that
     * matters: the work grows with the array's length times the entries, not with the number of ways to split it.
     */
    private BitSet groupEnds(GroupExpr group, Env env, List<CborValue> items, BitSet starts, Path path,
            Progress progress, boolean required) {
        BitSet ends = new BitSet();
        for (List<GroupEntry> choice : group.choices()) {
            BitSet positions = starts;
            for (GroupEntry entry : choice) {
                positions = entryEnds(entry, env, items, positions, starts, path, progress, required);
                if (positions.isEmpty()) {
                    break;
                }
            }
            ends.or(positions);
        }
        return ends;
    }

    /** The positions one entry, with its occurrence, can end at when it starts at any of {@code starts}. */
    private BitSet entryEnds(GroupEntry entry, Env env, List<CborValue> items, BitSet starts, BitSet groupStarts,
            Path path, Progress progress, boolean required) {
        Occurrence occurrence = entry.occurrence();
        Resolver.Splice splice = entry.key().isEmpty() ? resolver.splice(entry, env) : null;
        BitSet result = occurrence.min() == 0 ? (BitSet) starts.clone() : new BitSet();
        // Positions already repeated from at a count >= min: from there, with as much budget left or more, every
        // further repetition was already tried.
        BitSet expanded = occurrence.min() == 0 ? (BitSet) starts.clone() : new BitSet();
        BitSet frontier = starts;
        for (long count = 1; count <= occurrence.max() && !frontier.isEmpty(); count++) {
            BitSet next = new BitSet();
            for (int p = frontier.nextSetBit(0); p >= 0; p = frontier.nextSetBit(p + 1)) {
                // Once the group has taken an item, running out of items is a failure worth reporting.
                boolean mustMatch = (required || !groupStarts.get(p)) && count <= occurrence.min();
                next.or(once(entry, splice, env, items, p, path, progress, mustMatch));
            }
            if (count >= occurrence.min()) {
                result.or(next);
                next.andNot(expanded);
                expanded.or(next);
            }
            frontier = next;
            if (count > items.size() + occurrence.min()) {
                break;
            }
        }
        return result;
    }

    private BitSet once(GroupEntry entry, Resolver.@Nullable Splice splice, Env env, List<CborValue> items, int at, Path path,
            Progress progress, boolean required) {
        if (splice != null) {
            if (enter(splice.group(), splice.env(), items, at) >= 0) {
                return new BitSet(); // spliced in again before taking an item: that can only repeat
            }
            if (++depth > MAX_DEPTH) {
                depth--;
                leave();
                progress.failed(at, tooDeep(path));
                return new BitSet();
            }
            try {
                BitSet start = new BitSet();
                start.set(at);
                return groupEnds(splice.group(), splice.env(), items, start, path, progress, required);
            } finally {
                depth--;
                leave();
            }
        }
        BitSet end = new BitSet();
        if (at >= items.size()) {
            if (!required) {
                return end;
            }
            progress.failed(at, Outcome.fail(0, List.of(new Problem(path, () -> "the array ends after "
                    + items.size() + (items.size() == 1 ? " item" : " items") + "; expected " + Describe.entry(entry)
                    + " next"))));
            return end;
        }
        Outcome outcome = type(entry.value(), items.get(at), env, path.index(at));
        if (outcome.ok()) {
            end.set(at + 1);
        } else {
            progress.failed(at, outcome);
        }
        return end;
    }

    // --- literals -----------------------------------------------------------------------------------------

    private static boolean literal(Literal literal, CborValue value) {
        return switch (literal) {
            case Literal.IntegerLiteral i -> value instanceof CborInteger v && v.value().equals(i.value());
            case Literal.FloatLiteral f -> value instanceof CborFloat v && Double.compare(v.value(), f.value()) == 0;
            case Literal.TextLiteral t -> value instanceof CborTextString v && v.value().equals(t.value());
            case Literal.BytesLiteral b -> value instanceof CborByteString v && Arrays.equals(v.bytes(), b.value());
        };
    }

    private static boolean numericallyEqual(Literal literal, CborValue value) {
        BigDecimal number = numberOf(value);
        return number != null && (literal instanceof Literal.IntegerLiteral || literal instanceof Literal.FloatLiteral)
                && number.compareTo(Literals.decimal(literal)) == 0;
    }

    private static @Nullable BigDecimal numberOf(CborValue value) {
        return switch (value) {
            case CborInteger i -> new BigDecimal(i.value());
            case CborFloat f when !Double.isNaN(f.value()) && !Double.isInfinite(f.value()) -> new BigDecimal(f.value());
            default -> null;
        };
    }

    private static BigInteger unsigned(long argument) {
        return argument >= 0 ? BigInteger.valueOf(argument) : BigInteger.valueOf(argument).add(BigInteger.ONE.shiftLeft(64));
    }

    /** A missing member as written, with its key when a name stands for it: {@code -70005 (prev-label => digest)}. */
    private static String missing(GroupEntry.MemberKey key, CborValue wanted, GroupEntry entry) {
        return key.type() instanceof TypeExpr.Name
                ? Describe.key(wanted) + " (" + Describe.entry(entry) + ")"
                : Describe.entry(entry);
    }

    private static Outcome mismatch(Path path, Supplier<String> expected, CborValue found) {
        return Outcome.mismatch(path, expected, found);
    }
}
