package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.internal.graph.ArrayGroup;
import dev.runtape.schemas.cddl.internal.graph.ArrayNodes;
import dev.runtape.schemas.cddl.internal.graph.Bits;
import dev.runtape.schemas.cddl.internal.graph.Both;
import dev.runtape.schemas.cddl.internal.graph.Choices;
import dev.runtape.schemas.cddl.internal.graph.Compare;
import dev.runtape.schemas.cddl.internal.graph.DecimalRange;
import dev.runtape.schemas.cddl.internal.graph.Embedded;
import dev.runtape.schemas.cddl.internal.graph.Equal;
import dev.runtape.schemas.cddl.internal.graph.Equality;
import dev.runtape.schemas.cddl.internal.graph.Fixed;
import dev.runtape.schemas.cddl.internal.graph.FloatWidth;
import dev.runtape.schemas.cddl.internal.graph.Graph;
import dev.runtape.schemas.cddl.internal.graph.IntegerRange;
import dev.runtape.schemas.cddl.internal.graph.Kinds;
import dev.runtape.schemas.cddl.internal.graph.LevelLimit;
import dev.runtape.schemas.cddl.internal.graph.MapGroup;
import dev.runtape.schemas.cddl.internal.graph.MapNodes;
import dev.runtape.schemas.cddl.internal.graph.Node;
import dev.runtape.schemas.cddl.internal.graph.Ref;
import dev.runtape.schemas.cddl.internal.graph.Regexp;
import dev.runtape.schemas.cddl.internal.graph.Size;
import dev.runtape.schemas.cddl.internal.graph.SizedMajorType;
import dev.runtape.schemas.cddl.internal.graph.Tagged;
import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.GroupExpr;
import dev.runtape.schemas.cddl.syntax.Literal;
import dev.runtape.schemas.cddl.syntax.Occurrence;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one rule of a schema into a {@link Graph}, reading the schema through the same {@link Resolver} as the
 * interpreting {@link Matcher}, so that the graph accepts exactly the instances the matcher accepts.
 *
 * <p>Rule instances (a rule with its generic arguments) are compiled once and shared; a rule that refers to itself
 * through a part of a value (an item, a member, a tag's content) gets a {@link Ref}. What the graph would have to
 * decide differently from the matcher, it does not compile at all: a rule or group that refers to itself on the same
 * value (the matcher reports that as a loop), generic rules that grow without end, a pattern known only when matched.
 * Such a rule has no graph, and its validator interprets every instance.
 */
public final class GraphCompiler {

    /** More rule instances than this means generic rules that keep growing: not compiled. */
    private static final int MAX_INSTANCES = 10_000;

    private final Definitions definitions;
    private final Resolver resolver;
    private final LevelLimit limit = new LevelLimit();
    /** Rule instances compiled. */
    private final Map<Object, Compiled> done = new HashMap<>();
    /** Rule instances being compiled: their references, and the level of the value they are matched on. */
    private final Map<Object, Pending> pending = new HashMap<>();
    /** Groups being spliced in. */
    private final Set<Object> splicing = new HashSet<>();
    /** The depth figures of every compiled type. */
    private final DepthFigures figures = new DepthFigures();
    /** How many parts deep into the instance the type being compiled is matched. */
    private int level;
    /** How deep groups are spliced into the map or array being compiled (each splice counts a level of depth). */
    private int spliceDepth;
    /** The deepest splice of the map or array being compiled. */
    private int deepestSplice;

    private record Pending(Ref ref, int level) {
    }

    /** Thrown while compiling what the graph cannot decide as the matcher does. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private GraphCompiler(Definitions definitions) {
        this.definitions = definitions;
        this.resolver = new Resolver(definitions);
    }

    /** The graph of {@code rule}, or null if it has none (its instances are to be interpreted). */
    public static @Nullable Graph compile(Definitions definitions, TypeExpr rule) {
        GraphCompiler compiler = new GraphCompiler(definitions);
        try {
            Node root = compiler.type(rule, Env.EMPTY).node();
            OptionalInt maxLevel = compiler.figures.maxLevel(compiler.done::get);
            if (maxLevel.isEmpty()) {
                return null;
            }
            compiler.limit.set(maxLevel.getAsInt());
            return new Graph(root);
        } catch (Unsupported e) {
            return null;
        }
    }

    // --- types --------------------------------------------------------------------------------------------

    private Compiled type(TypeExpr type, Env env) {
        return figures.note(switch (type) {
            case TypeExpr.Choice c -> choice(c.options(), env);
            case TypeExpr.Value v -> Compiled.leaf(literal(v.literal()));
            case TypeExpr.Name n -> name(n, env);
            case TypeExpr.MapOf m -> map(m.group(), env);
            case TypeExpr.ArrayOf a -> array(a.group(), env);
            case TypeExpr.Parenthesized p -> {
                GroupEntry single = p.group().single().orElse(null);
                yield single == null || single.key().isPresent() || !single.occurrence().equals(Occurrence.ONCE)
                        ? Compiled.leaf(Fixed.NONE)
                        : above(type(single.value(), env));
            }
            case TypeExpr.Unwrap u -> resolver.resolve(u.name(), env) instanceof TypeExpr.MajorType tag
                    && tag.majorType().orElse(-1) == 6
                    ? above(type(tag.content(), env)) // the matcher reads the content in the scope of the ~
                    : Compiled.leaf(Fixed.NONE);
            case TypeExpr.Enumeration e -> choice(resolver.enumeration(e.group(), env), env);
            case TypeExpr.MajorType t -> majorType(t, env);
            case TypeExpr.Range r -> range(r, env);
            case TypeExpr.Control c -> control(c, env);
        });
    }

    private static Compiled above(Compiled inner) {
        return Compiled.above(inner.node(), inner);
    }

    private Compiled choice(List<TypeExpr> options, Env env) {
        List<Compiled> compiled = options.stream().map(o -> type(o, env)).toList();
        return Compiled.above(Choices.of(compiled.stream().map(Compiled::node).toList()), compiled);
    }

    /** A literal's node; an integer beyond CBOR's range, which no instance can hold, matches nothing. */
    private static Node literal(Literal literal) {
        try {
            return new Equal(Literals.valueOf(literal));
        } catch (IllegalArgumentException e) {
            return Fixed.NONE;
        }
    }

    private Compiled name(TypeExpr.Name name, Env env) {
        Env.Binding bound = env.lookup(name.name());
        if (bound != null) {
            return above(type(bound.type(), bound.env()));
        }
        TypeExpr direct = name.arguments().isEmpty() ? definitions.direct(name.name()) : null;
        if (direct != null) {
            return above(instance(List.of("direct", name.name()), () -> type(direct, Env.EMPTY)));
        }
        RuleDefinition rule = definitions.rule(name.name());
        if (rule == null || definitions.isGroup(name.name())) {
            return Compiled.leaf(Fixed.NONE); // a socket nothing plugs into, or a group standing for a value
        }
        Env inner = Env.bind(rule.parameters(), name.arguments(), env);
        return above(instance(List.of(name.name(), inner.key()), () -> {
            if (rule.bodies().size() == 1) {
                return type(rule.bodies().getFirst().value(), inner);
            }
            // The matcher chooses among a rule's bodies without counting a level for the choice.
            List<Compiled> bodies = rule.bodies().stream().map(body -> type(body.value(), inner)).toList();
            return Compiled.alongside(Choices.of(bodies.stream().map(Compiled::node).toList()), bodies);
        }));
    }

    /** A rule instance, compiled once; a reference to it where it is used within itself on a part of a value. */
    private Compiled instance(Object key, Supplier<Compiled> body) {
        Compiled known = done.get(key);
        if (known != null) {
            return known;
        }
        Pending underWay = pending.get(key);
        if (underWay != null) {
            if (underWay.level == level) {
                throw new Unsupported(); // the rule refers to itself on the same value: the matcher reports a loop
            }
            return figures.note(Compiled.later(underWay.ref, key));
        }
        if (done.size() + pending.size() >= MAX_INSTANCES) {
            throw new Unsupported();
        }
        Ref ref = new Ref();
        pending.put(key, new Pending(ref, level));
        Compiled compiled = body.get();
        pending.remove(key);
        ref.resolveTo(compiled.node());
        done.put(key, compiled);
        return compiled;
    }

    /** A type matched on a part of the value (an item, a member's key or value, a tag's content). */
    private Compiled part(TypeExpr type, Env env) {
        level++;
        try {
            return type(type, env);
        } finally {
            level--;
        }
    }

    // --- maps and arrays ----------------------------------------------------------------------------------

    private Compiled map(GroupExpr group, Env env) {
        int outerDepth = spliceDepth;
        int outerDeepest = deepestSplice;
        spliceDepth = 0;
        deepestSplice = 0;
        try {
            MapGroup compiled = mapGroup(group, env);
            return Compiled.container(MapNodes.of(compiled, limit), 1 + deepestSplice);
        } finally {
            spliceDepth = outerDepth;
            deepestSplice = outerDeepest;
        }
    }

    private MapGroup mapGroup(GroupExpr group, Env env) {
        List<List<MapGroup.Member>> choices = new ArrayList<>();
        for (List<GroupEntry> choice : group.choices()) {
            List<MapGroup.Member> members = new ArrayList<>();
            for (GroupEntry entry : choice.size() < 2 ? choice : resolver.memberOrder(choice, env)) {
                members.add(mapMember(entry, env));
            }
            choices.add(members);
        }
        return new MapGroup(choices);
    }

    private MapGroup.Member mapMember(GroupEntry entry, Env env) {
        Occurrence occurrence = entry.occurrence();
        if (entry.key().isEmpty()) {
            Resolver.Splice splice = resolver.splice(entry, env);
            if (splice == null) {
                return new MapGroup.Keyless();
            }
            MapGroup spliced = spliced(splice, () -> mapGroup(splice.group(), splice.env()));
            return new MapGroup.Spliced(spliced, occurrence.min(), occurrence.max());
        }
        GroupEntry.MemberKey key = entry.key().get();
        Literal literalKey = resolver.literalOf(key.type(), env);
        if (literalKey != null) {
            return new MapGroup.Literal(keyValue(literalKey), part(entry.value(), env).node(), key.cut(),
                    occurrence.min());
        }
        return new MapGroup.Typed(part(key.type(), env).node(), part(entry.value(), env).node(), key.cut(),
                occurrence.min(), occurrence.max());
    }

    private static CborValue keyValue(Literal literal) {
        try {
            return Literals.valueOf(literal);
        } catch (IllegalArgumentException e) {
            throw new Unsupported(); // an integer key no CBOR integer can be: the matcher fails on it when matching
        }
    }

    /** A group spliced in: once per splice, never into itself (the matcher would report a loop or go on deeper). */
    private <T> T spliced(Resolver.Splice splice, Supplier<T> compile) {
        Object key = List.of(new Env.Same(splice.group()), splice.env().key());
        if (!splicing.add(key)) {
            throw new Unsupported();
        }
        spliceDepth++;
        deepestSplice = Math.max(deepestSplice, spliceDepth);
        try {
            return compile.get();
        } finally {
            spliceDepth--;
            splicing.remove(key);
        }
    }

    private Compiled array(GroupExpr group, Env env) {
        int outerDepth = spliceDepth;
        int outerDeepest = deepestSplice;
        spliceDepth = 0;
        deepestSplice = 0;
        try {
            ArrayGroup compiled = arrayGroup(group, env);
            return Compiled.container(ArrayNodes.of(compiled, limit), 1 + deepestSplice);
        } finally {
            spliceDepth = outerDepth;
            deepestSplice = outerDeepest;
        }
    }

    private ArrayGroup arrayGroup(GroupExpr group, Env env) {
        List<List<ArrayGroup.Item>> choices = new ArrayList<>();
        for (List<GroupEntry> choice : group.choices()) {
            List<ArrayGroup.Item> items = new ArrayList<>();
            for (GroupEntry entry : choice) {
                Occurrence occurrence = entry.occurrence();
                // In an array a key only names the item: [protected: bstr] is an array of one bstr.
                Resolver.Splice splice = entry.key().isEmpty() ? resolver.splice(entry, env) : null;
                items.add(splice != null
                        ? ArrayGroup.Item.group(spliced(splice, () -> arrayGroup(splice.group(), splice.env())),
                                occurrence.min(), occurrence.max())
                        : ArrayGroup.Item.value(part(entry.value(), env).node(), occurrence.min(), occurrence.max()));
            }
            choices.add(items);
        }
        return new ArrayGroup(choices);
    }

    // --- major types and ranges ---------------------------------------------------------------------------

    private Compiled majorType(TypeExpr.MajorType type, Env env) {
        if (type.majorType().isEmpty()) {
            return Compiled.leaf(Fixed.ANY);
        }
        long major = type.majorType().getAsLong();
        if (major == 6) {
            Node content = part(type.content(), env).node();
            return Compiled.container(type.argument().isPresent()
                    ? Tagged.number(type.argument().getAsLong(), content, limit)
                    : Tagged.anyNumber(content, limit), 1);
        }
        if (type.argument().isEmpty()) {
            return Compiled.leaf(Kinds.of(Kinds.ofMajorType(major)));
        }
        long argument = type.argument().getAsLong();
        return Compiled.leaf(switch ((int) major) {
            case 0 -> new Equal(new CborInteger(unsigned(argument)));
            case 1 -> new Equal(new CborInteger(unsigned(argument).add(BigInteger.ONE).negate()));
            case 7 -> simpleOrFloat(argument);
            default -> new SizedMajorType(major, argument);
        });
    }

    /** {@code #7.n}: the simple value n, or for 25 to 27 the floats of that precision. */
    private static Node simpleOrFloat(long argument) {
        if (argument < 0 || argument > 255) {
            throw new Unsupported(); // the matcher reads such a width through an int cast: leave it to the matcher
        }
        int n = (int) argument;
        if (n == 25 || n == 26) {
            return new FloatWidth(n);
        }
        if (n == 27) {
            return Kinds.of(Kinds.FLOAT);
        }
        return n < 24 || n >= 32 ? new Equal(new CborSimple(n)) : Fixed.NONE;
    }

    private static BigInteger unsigned(long argument) {
        return argument >= 0 ? BigInteger.valueOf(argument) : BigInteger.valueOf(argument).add(BigInteger.ONE.shiftLeft(64));
    }

    private Compiled range(TypeExpr.Range range, Env env) {
        Literal low = resolver.literalOf(range.low(), env);
        Literal high = resolver.literalOf(range.high(), env);
        if (low == null || high == null) {
            return Compiled.leaf(Fixed.NONE);
        }
        if (low instanceof Literal.IntegerLiteral from && high instanceof Literal.IntegerLiteral to) {
            return Compiled.leaf(new IntegerRange(from.value(), to.value(), range.inclusive()));
        }
        if (!Literals.isNumber(low) || !Literals.isNumber(high)) {
            throw new Unsupported(); // text bounds given as generic arguments: the matcher fails on them when matching
        }
        return Compiled.leaf(new DecimalRange(Literals.decimal(low), Literals.decimal(high), range.inclusive()));
    }

    // --- control operators --------------------------------------------------------------------------------

    private Compiled control(TypeExpr.Control control, Env env) {
        Compiled target = type(control.target(), env);
        Node node = target.node();
        TypeExpr controller = control.controller();
        return switch (control.operator()) {
            case "size" -> {
                Compiled sizes = type(controller, env);
                Literal bytes = resolver.literalOf(controller, env);
                Long integerBits = bytes instanceof Literal.IntegerLiteral n ? n.value().longValue() * 8 : null;
                yield Compiled.above(Size.of(node, sizes.node(), integerBits), List.of(target, sizes));
            }
            case "bits" -> {
                Compiled bits = type(controller, env);
                yield Compiled.above(new Bits(node, bits.node()), List.of(target, bits));
            }
            case "regexp" -> Compiled.above(regexp(node, resolver.literalOf(controller, env)), target);
            case "cbor", "cborseq" -> {
                Node embedded = part(controller, env).node();
                yield Compiled.above(new Embedded(node, embedded, control.operator().equals("cborseq"), limit), target)
                        .reachingAtLeast(1);
            }
            case "within", "and" -> {
                Compiled both = type(controller, env);
                yield Compiled.above(new Both(node, both.node()), List.of(target, both));
            }
            case "lt", "le", "gt", "ge" -> {
                Literal bound = resolver.literalOf(controller, env);
                yield Compiled.above(bound == null || !Literals.isNumber(bound) ? Fixed.NONE
                        : new Compare(node, Literals.decimal(bound),
                                Compare.Operator.valueOf(control.operator().toUpperCase(Locale.ROOT))),
                        target);
            }
            case "eq", "ne" -> {
                Literal expected = resolver.literalOf(controller, env);
                yield Compiled.above(new Equality(node, expected == null ? null : keyValue(expected),
                        expected != null && Literals.isNumber(expected) ? Literals.decimal(expected) : null,
                        control.operator().equals("eq")), target);
            }
            case "default" -> above(target);
            default -> Compiled.above(Fixed.NONE, target);
        };
    }

    private Node regexp(Node target, @Nullable Literal pattern) {
        if (!(pattern instanceof Literal.TextLiteral text)) {
            return Fixed.NONE;
        }
        Pattern compiled = definitions.compiledPattern(text.value());
        if (compiled == null) {
            throw new Unsupported(); // a pattern given as a generic argument, never compiled with the schema
        }
        return new Regexp(target, compiled);
    }
}
