package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.SchemaException;
import dev.runtape.schemas.cddl.SchemaException.Problem;
import dev.runtape.schemas.cddl.syntax.CddlParser;
import dev.runtape.schemas.cddl.syntax.CddlSyntaxException;
import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.GroupExpr;
import dev.runtape.schemas.cddl.syntax.Literal;
import dev.runtape.schemas.cddl.syntax.Occurrence;
import dev.runtape.schemas.cddl.syntax.Position;
import dev.runtape.schemas.cddl.syntax.Rule;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The rule table of a compiled schema: the prelude and the sources' rules with their added choices, which rules
 * are groups, and the compiled regular expressions. Built once and checked whole: every name defined, generic
 * arities right, groups not used as types, control operators known, patterns valid.
 */
public final class Definitions {

    /** The control operators of RFC 8610 §3.8 and RFC 9165 that the validator implements. */
    static final Set<String> CONTROLS = Set.of("size", "bits", "regexp", "cbor", "cborseq", "within", "and",
            "lt", "le", "gt", "ge", "eq", "ne", "default");

    private static final List<Rule> PRELUDE = parsePrelude();

    private final Map<String, RuleDefinition> rules;
    private final Set<String> sourceRuleNames;
    /** Which rules are groups: filled while the schema is checked, then frozen into a plain map (see build). */
    private final Map<String, Boolean> groups;
    /** True once every rule's kind is in {@link #groups}; until then kinds are worked out on demand. */
    private final boolean frozen;
    /** For rules that are renames ending in a type that is not a name: that type (see direct). */
    private final Map<String, TypeExpr> directs;
    private final Map<Identity, CborValue> keyValues = new ConcurrentHashMap<>();
    private final Map<String, Requirements> requirements = new ConcurrentHashMap<>();
    private final Map<Identity, List<GroupEntry>> memberOrders = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns;

    private Definitions(Map<String, RuleDefinition> rules, Set<String> sourceRuleNames, Map<String, Pattern> patterns,
            Map<String, Boolean> groups, Map<String, TypeExpr> directs, boolean frozen) {
        this.groups = groups;
        this.frozen = frozen;
        this.directs = directs;
        this.rules = rules;
        this.sourceRuleNames = sourceRuleNames;
        this.patterns = patterns;
    }

    /**
     * The definitions of parsed sources (named, in order) on top of the prelude.
     *
     * @throws SchemaException listing every problem found
     */
    public static Definitions build(Map<String, List<Rule>> sources) throws SchemaException {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleDefinition> rules = new LinkedHashMap<>();
        Set<String> sourceNames = new LinkedHashSet<>();
        add(rules, "prelude", PRELUDE, problems);
        for (Map.Entry<String, List<Rule>> source : sources.entrySet()) {
            for (Rule rule : source.getValue()) {
                sourceNames.add(rule.name());
            }
            add(rules, source.getKey(), source.getValue(), problems);
        }
        Map<String, Pattern> patterns = new HashMap<>();
        Definitions definitions = new Definitions(rules, sourceNames, patterns, new ConcurrentHashMap<>(), Map.of(), false);
        for (RuleDefinition rule : rules.values()) {
            Set<String> parameters = new HashSet<>(rule.parameters());
            for (GroupEntry body : rule.bodies()) {
                definitions.check(rule, body, parameters, problems, patterns);
                definitions.checkGroupsStandNotForValues(rule, body, parameters, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaException(problems);
        }
        // Every rule's kind worked out now, so that validating only reads a plain map.
        Map<String, Boolean> groups = new java.util.HashMap<>();
        rules.keySet().forEach(name -> groups.put(name, definitions.isGroup(name)));
        Map<String, TypeExpr> directs = new java.util.HashMap<>();
        rules.keySet().forEach(name -> {
            TypeExpr end = definitions.renameEnd(name, groups);
            if (end != null) {
                directs.put(name, end);
            }
        });
        return new Definitions(rules, sourceNames, patterns, Map.copyOf(groups), Map.copyOf(directs), true);
    }

    private static void add(Map<String, RuleDefinition> rules, String source, List<Rule> parsed, List<Problem> problems) {
        for (Rule rule : parsed) {
            RuleDefinition existing = rules.get(rule.name());
            boolean fromPrelude = existing != null && existing.source().equals("prelude") && !source.equals("prelude");
            switch (rule.assignment()) {
                case DEFINE -> {
                    if (existing != null && !fromPrelude) {
                        problems.add(new Problem(source, rule.position(), "rule " + rule.name()
                                + " is already defined at " + existing.source() + ":" + existing.position()
                                + "; use /= or //= to add choices"));
                    } else {
                        rules.put(rule.name(), new RuleDefinition(rule.name(), source, rule.position(),
                                rule.parameters(), List.of(rule.body()), false));
                    }
                }
                case ADD_TYPE_CHOICE, ADD_GROUP_CHOICE -> {
                    boolean group = rule.assignment() == Rule.Assignment.ADD_GROUP_CHOICE;
                    rules.put(rule.name(), existing == null
                            ? new RuleDefinition(rule.name(), source, rule.position(), rule.parameters(),
                                    List.of(rule.body()), group)
                            : existing.withBody(rule.body(), group));
                }
            }
        }
    }

    /** The names the sources define, in order. */
    public Set<String> sourceRuleNames() {
        return sourceRuleNames;
    }

    @Nullable RuleDefinition rule(String name) {
        return rules.get(name);
    }

    /**
     * The type that a validator of {@code name} checks.
     *
     * @throws IllegalArgumentException if there is no such rule or it is a group
     */
    public TypeExpr typeRule(String name) {
        RuleDefinition rule = rules.get(name);
        if (rule == null) {
            throw new IllegalArgumentException("the schema has no rule " + name);
        }
        if (isGroup(name)) {
            throw new IllegalArgumentException("rule " + name + " is a group, not a type: it cannot be validated alone");
        }
        if (!rule.parameters().isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " is generic: validate a rule that gives its arguments");
        }
        return new TypeExpr.Name(rule.position(), name, List.of());
    }

    /**
     * The CBOR value of a literal member key, made once and shared: its keyed hash code is computed on first use and
     * kept, so the lookups of every later validation are cheap.
     */
    CborValue keyValue(Literal literal, Function<Literal, CborValue> make) {
        // By the literal node's identity: hashing the record would walk it on every lookup.
        Identity node = new Identity(literal);
        CborValue known = keyValues.get(node); // a plain read first: computeIfAbsent costs more even on a hit
        return known != null ? known : keyValues.computeIfAbsent(node, n -> make.apply(literal));
    }

    /** The requirements of a rule that names a map type (see {@link Requirements}), worked out once. */
    Requirements requirements(String rule, Function<String, Requirements> work) {
        Requirements known = requirements.get(rule);
        return known != null ? known : requirements.computeIfAbsent(rule, work);
    }

    /** The order in which a map's entries are matched, worked out once per group of the schema. */
    List<GroupEntry> memberOrder(List<GroupEntry> entries, Function<List<GroupEntry>, List<GroupEntry>> work) {
        Identity key = new Identity(entries);
        List<GroupEntry> known = memberOrders.get(key);
        return known != null ? known : memberOrders.computeIfAbsent(key, k -> work.apply(entries));
    }

    /** A schema node as a map key by identity: the nodes are records, whose own equality walks whole subtrees. */
    private record Identity(Object node) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    Pattern pattern(String regex) {
        return Objects.requireNonNull(patterns.get(regex), "pattern compiled with the schema");
    }

    /** The compiled pattern of a {@code .regexp} the schema names literally; null for one known only when matched. */
    @Nullable Pattern compiledPattern(String regex) {
        return patterns.get(regex);
    }

    /**
     * The type a rule stands for when it is a plain rename chain: each rule on the way has no parameters, one body,
     * no key and no occurrence, and the chain ends in a literal, a range, a map, an array or a major type
     * ({@code time = uint}, {@code uint = #0}). Matching that type directly cannot loop back to a name at the same
     * value, so the matcher skips its loop bookkeeping for it.
     */
    @Nullable TypeExpr direct(String name) {
        return directs.get(name);
    }

    private @Nullable TypeExpr renameEnd(String name, Map<String, Boolean> groups) {
        Set<String> seen = new HashSet<>();
        String current = name;
        while (seen.add(current)) {
            RuleDefinition rule = rules.get(current);
            if (rule == null || Boolean.TRUE.equals(groups.get(current)) || !rule.parameters().isEmpty()
                    || rule.bodies().size() != 1) {
                return null;
            }
            GroupEntry body = rule.bodies().getFirst();
            if (body.key().isPresent() || !body.occurrence().equals(Occurrence.ONCE)) {
                return null;
            }
            if (!(body.value() instanceof TypeExpr.Name next)) {
                // Only ends that cannot come back to a name at the same value: literals and ranges hold none, and
                // maps, arrays and tags match their contents, which are other values. A choice or a control could.
                TypeExpr end = body.value();
                return end instanceof TypeExpr.Value || end instanceof TypeExpr.Range || end instanceof TypeExpr.MapOf
                        || end instanceof TypeExpr.ArrayOf || end instanceof TypeExpr.MajorType ? end : null;
            }
            if (!next.arguments().isEmpty()) {
                return null;
            }
            current = next.name();
        }
        return null; // a chain of renames that comes back on itself
    }

    /** Whether {@code name} is a group rule (has member keys, occurrences, several entries, or group choices). */
    boolean isGroup(String name) {
        Boolean known = groups.get(name);
        if (known != null) {
            return known;
        }
        if (frozen) {
            return false; // every rule is in the map, so this name is none
        }
        boolean group = computeIsGroup(name, new HashSet<>());
        groups.put(name, group);
        return group;
    }

    private boolean computeIsGroup(String name, Set<String> visiting) {
        RuleDefinition rule = rules.get(name);
        if (rule == null || !visiting.add(name)) {
            return false;
        }
        if (rule.addsGroupChoices()) {
            return true;
        }
        for (GroupEntry body : rule.bodies()) {
            if (body.key().isPresent() || !body.occurrence().equals(Occurrence.ONCE)) {
                return true;
            }
            if (body.value() instanceof TypeExpr.Parenthesized p && p.group().single().isEmpty()) {
                return true;
            }
            if (body.value() instanceof TypeExpr.Parenthesized p
                    && p.group().single().filter(e -> e.key().isPresent()
                            || !e.occurrence().equals(Occurrence.ONCE)).isPresent()) {
                return true;
            }
            if (body.value() instanceof TypeExpr.Name ref && !rule.parameters().contains(ref.name())
                    && computeIsGroup(ref.name(), visiting)) {
                return true;
            }
        }
        return false;
    }

    // --- checks --------------------------------------------------------------------------------------------

    private void check(RuleDefinition rule, GroupEntry entry, Set<String> parameters, List<Problem> problems,
            Map<String, Pattern> patterns) {
        entry.key().ifPresent(key -> checkType(rule, key.type(), parameters, problems, patterns));
        checkType(rule, entry.value(), parameters, problems, patterns);
    }

    private void checkGroup(RuleDefinition rule, GroupExpr group, Set<String> parameters, List<Problem> problems,
            Map<String, Pattern> patterns) {
        for (List<GroupEntry> choice : group.choices()) {
            for (GroupEntry entry : choice) {
                check(rule, entry, parameters, problems, patterns);
            }
        }
    }

    private void checkType(RuleDefinition rule, TypeExpr type, Set<String> parameters, List<Problem> problems,
            Map<String, Pattern> patterns) {
        switch (type) {
            case TypeExpr.Choice c -> c.options().forEach(o -> checkType(rule, o, parameters, problems, patterns));
            case TypeExpr.Value v -> {
            }
            case TypeExpr.Name n -> checkName(rule, n, parameters, problems, patterns);
            case TypeExpr.MapOf m -> checkGroup(rule, m.group(), parameters, problems, patterns);
            case TypeExpr.ArrayOf a -> checkGroup(rule, a.group(), parameters, problems, patterns);
            case TypeExpr.Parenthesized p -> checkGroup(rule, p.group(), parameters, problems, patterns);
            case TypeExpr.Unwrap u -> checkName(rule, u.name(), parameters, problems, patterns);
            case TypeExpr.Enumeration e -> checkType(rule, e.group(), parameters, problems, patterns);
            case TypeExpr.MajorType t -> checkType(rule, t.content(), parameters, problems, patterns);
            case TypeExpr.Range r -> {
                checkType(rule, r.low(), parameters, problems, patterns);
                checkType(rule, r.high(), parameters, problems, patterns);
                checkRangeBounds(rule, r, parameters, problems);
            }
            case TypeExpr.Control c -> {
                if (!CONTROLS.contains(c.operator())) {
                    problems.add(new Problem(rule.source(), c.position(), "unknown control operator ." + c.operator()
                            + " (supported: ." + String.join(", .", CONTROLS.stream().sorted().toList()) + ")"));
                }
                checkType(rule, c.target(), parameters, problems, patterns);
                checkType(rule, c.controller(), parameters, problems, patterns);
                if (c.operator().equals("regexp")) {
                    compilePattern(rule, c, parameters, problems, patterns);
                }
            }
        }
    }

    private void checkName(RuleDefinition rule, TypeExpr.Name name, Set<String> parameters, List<Problem> problems,
            Map<String, Pattern> patterns) {
        name.arguments().forEach(a -> checkType(rule, a, parameters, problems, patterns));
        if (parameters.contains(name.name())) {
            return;
        }
        RuleDefinition target = rules.get(name.name());
        if (target == null) {
            if (!RuleDefinition.isSocket(name.name())) {
                problems.add(new Problem(rule.source(), name.position(), "undefined name " + name.name()
                        + (name.name().contains("..") ? " (names may hold dots: a range between names needs"
                                + " spaces, as in " + name.name().replaceFirst("\\.\\.(\\.?)", " ..$1 ") + ")" : "")));
            }
            return;
        }
        if (target.parameters().size() != name.arguments().size()) {
            problems.add(new Problem(rule.source(), name.position(), name.name() + " takes "
                    + target.parameters().size() + " generic arguments, given " + name.arguments().size()));
        }
    }

    /**
     * Reports groups used where one value stands (a member's key or value, a choice's option, a tag's content, an
     * operand): {@code {x: common}} with {@code common = (a: int)}. Without a key, in a map, an array or a rule's
     * body, a group name or a parenthesized group is spliced in, which is where groups belong.
     */
    private void checkGroupsStandNotForValues(RuleDefinition rule, GroupEntry entry, Set<String> parameters,
            List<Problem> problems) {
        if (entry.key().isPresent()) {
            valueType(rule, entry.key().get().type(), parameters, problems);
            valueType(rule, entry.value(), parameters, problems);
        } else if (entry.value() instanceof TypeExpr.Parenthesized p) {
            groupEntries(rule, p.group(), parameters, problems);
        } else if (!(entry.value() instanceof TypeExpr.Name)) {
            valueType(rule, entry.value(), parameters, problems);
        }
    }

    private void groupEntries(RuleDefinition rule, GroupExpr group, Set<String> parameters, List<Problem> problems) {
        for (List<GroupEntry> choice : group.choices()) {
            for (GroupEntry entry : choice) {
                checkGroupsStandNotForValues(rule, entry, parameters, problems);
            }
        }
    }

    private void valueType(RuleDefinition rule, TypeExpr type, Set<String> parameters, List<Problem> problems) {
        switch (type) {
            case TypeExpr.Choice c -> c.options().forEach(o -> valueType(rule, o, parameters, problems));
            case TypeExpr.Name n -> {
                if (!parameters.contains(n.name()) && rules.containsKey(n.name()) && isGroup(n.name())) {
                    problems.add(new Problem(rule.source(), n.position(), n.name() + " is a group: it cannot stand"
                            + " for one value (a map or array of it is {" + n.name() + "} or [" + n.name() + "])"));
                }
            }
            case TypeExpr.MapOf m -> groupEntries(rule, m.group(), parameters, problems);
            case TypeExpr.ArrayOf a -> groupEntries(rule, a.group(), parameters, problems);
            case TypeExpr.Parenthesized p -> {
                GroupEntry single = p.group().single().orElse(null);
                if (single != null && single.key().isEmpty() && single.occurrence().equals(Occurrence.ONCE)) {
                    valueType(rule, single.value(), parameters, problems);
                } else {
                    problems.add(new Problem(rule.source(), p.position(), "the group (" + Describe.group(p.group())
                            + ") cannot stand for one value"));
                }
            }
            case TypeExpr.MajorType t -> valueType(rule, t.content(), parameters, problems);
            case TypeExpr.Range r -> {
                valueType(rule, r.low(), parameters, problems);
                valueType(rule, r.high(), parameters, problems);
            }
            case TypeExpr.Control c -> {
                valueType(rule, c.target(), parameters, problems);
                valueType(rule, c.controller(), parameters, problems);
            }
            case TypeExpr.Value v -> {
            }
            case TypeExpr.Unwrap u -> {
            }
            case TypeExpr.Enumeration e -> {
            }
        }
    }

    /** RFC 8610 §3.1: a range joins two integers or two floats (unless a bound is a generic parameter). */
    private void checkRangeBounds(RuleDefinition rule, TypeExpr.Range range, Set<String> parameters,
            List<Problem> problems) {
        TypeExpr low = resolveStatically(range.low(), parameters);
        TypeExpr high = resolveStatically(range.high(), parameters);
        if (low == null || high == null) {
            return; // given by a generic argument: checked when matched
        }
        for (TypeExpr bound : List.of(low, high)) {
            if (!(bound instanceof TypeExpr.Value v && (v.literal() instanceof Literal.IntegerLiteral
                    || v.literal() instanceof Literal.FloatLiteral))) {
                TypeExpr written = bound == low ? range.low() : range.high();
                problems.add(new Problem(rule.source(), range.position(), "the range " + Describe.type(range)
                        + " needs numbers as bounds; " + Describe.type(written) + " is not one"));
                return;
            }
        }
        Literal from = ((TypeExpr.Value) low).literal();
        Literal to = ((TypeExpr.Value) high).literal();
        if (from.getClass() != to.getClass()) {
            problems.add(new Problem(rule.source(), range.position(), "the range " + Describe.type(range)
                    + " mixes an integer and a float bound; write both as integers or both as floats"));
        }
    }

    /** What a type stands for, following names with one key-less body; null where a generic parameter stands. */
    private @Nullable TypeExpr resolveStatically(TypeExpr type, Set<String> parameters) {
        TypeExpr current = type;
        Set<String> seen = new HashSet<>();
        while (current instanceof TypeExpr.Name n) {
            if (!n.arguments().isEmpty() || (parameters.contains(n.name()) && seen.isEmpty())) {
                return null;
            }
            RuleDefinition target = rules.get(n.name());
            if (target == null || !seen.add(n.name()) || target.bodies().size() != 1
                    || target.bodies().getFirst().key().isPresent()
                    || !target.bodies().getFirst().occurrence().equals(Occurrence.ONCE)) {
                return current;
            }
            if (!target.parameters().isEmpty()) {
                return null;
            }
            current = target.bodies().getFirst().value();
        }
        return current instanceof TypeExpr.Enumeration ? null : current;
    }

    private void compilePattern(RuleDefinition rule, TypeExpr.Control control, Set<String> parameters,
            List<Problem> problems, Map<String, Pattern> patterns) {
        String regex = textOf(control.controller(), parameters);
        if (regex == null) {
            problems.add(new Problem(rule.source(), control.position(),
                    ".regexp needs a text string (or the name of one) as its pattern"));
            return;
        }
        try {
            patterns.computeIfAbsent(regex, Pattern::compile);
        } catch (PatternSyntaxException e) {
            problems.add(new Problem(rule.source(), control.position(), "invalid .regexp pattern: "
                    + e.getDescription()));
        }
    }

    private @Nullable String textOf(TypeExpr type, Set<String> parameters) {
        if (type instanceof TypeExpr.Value v && v.literal() instanceof Literal.TextLiteral text) {
            return text.value();
        }
        if (type instanceof TypeExpr.Name n && !parameters.contains(n.name())) {
            RuleDefinition target = rules.get(n.name());
            if (target != null && target.bodies().size() == 1 && target.bodies().getFirst().key().isEmpty()) {
                return textOf(target.bodies().getFirst().value(), Set.of());
            }
        }
        return null;
    }

    private static List<Rule> parsePrelude() {
        try (InputStream in = Definitions.class.getResourceAsStream("/dev/runtape/schemas/cddl/prelude.cddl")) {
            if (in == null) {
                throw new IllegalStateException("prelude.cddl is missing from the jar");
            }
            return CddlParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CddlSyntaxException e) {
            throw new IllegalStateException("the prelude does not parse: " + e.getMessage(), e);
        }
    }

}
