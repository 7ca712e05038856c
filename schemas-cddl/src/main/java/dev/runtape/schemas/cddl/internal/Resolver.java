package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.GroupExpr;
import dev.runtape.schemas.cddl.syntax.Literal;
import dev.runtape.schemas.cddl.syntax.Occurrence;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What names and groups of a schema stand for, independently of any instance: renames followed to their end,
 * literals behind names and enumerations, the group a key-less entry splices in, and the order in which a map's
 * entries are matched. The {@link Matcher} asks on every validation; the {@link GraphCompiler} asks once, and so
 * reads the schema exactly as the matcher does.
 */
final class Resolver {

    /** The most renames followed before giving up: a chain longer than this loops. */
    private static final int MAX_HOPS = 512;

    private final Definitions definitions;

    Resolver(Definitions definitions) {
        this.definitions = definitions;
    }

    /** A group to splice into the enclosing one, read in {@code env}. */
    record Splice(GroupExpr group, Env env) {
    }

    /** The group a key-less entry stands for, or null if it stands for a single value. */
    @Nullable Splice splice(GroupEntry entry, Env env) {
        TypeExpr value = entry.value();
        if (value instanceof TypeExpr.Parenthesized p) {
            return new Splice(p.group(), env);
        }
        if (value instanceof TypeExpr.Name name) {
            Env.Binding bound = env.lookup(name.name());
            if (bound != null) {
                return bound.type() instanceof TypeExpr.Parenthesized || bound.type() instanceof TypeExpr.Name
                        ? splice(new GroupEntry(entry.position(), Occurrence.ONCE, entry.key(), bound.type()), bound.env())
                        : null;
            }
            RuleDefinition rule = definitions.rule(name.name());
            if (rule == null) {
                return RuleDefinition.isSocket(name.name()) && name.name().startsWith("$$")
                        ? new Splice(new GroupExpr(name.position(), List.of(List.of())), env)
                        : null;
            }
            if (!definitions.isGroup(name.name())) {
                return null;
            }
            return new Splice(ruleGroup(rule), Env.bind(rule.parameters(), name.arguments(), env));
        }
        if (value instanceof TypeExpr.Unwrap unwrap) {
            TypeExpr target = resolve(unwrap.name(), env);
            if (target instanceof TypeExpr.MapOf m) {
                return new Splice(m.group(), unwrapEnv(unwrap.name(), env));
            }
            if (target instanceof TypeExpr.ArrayOf a) {
                return new Splice(a.group(), unwrapEnv(unwrap.name(), env));
            }
        }
        return null;
    }

    /** A group rule's bodies as one group: each definition or {@code //=} addition is a choice. */
    static GroupExpr ruleGroup(RuleDefinition rule) {
        if (rule.bodies().size() == 1) {
            GroupEntry body = rule.bodies().getFirst();
            return body.key().isEmpty() && body.occurrence().equals(Occurrence.ONCE)
                    && body.value() instanceof TypeExpr.Parenthesized p
                    ? p.group()
                    : new GroupExpr(body.position(), List.of(List.of(body)));
        }
        List<List<GroupEntry>> choices = new ArrayList<>();
        for (GroupEntry body : rule.bodies()) {
            if (body.key().isEmpty() && body.occurrence().equals(Occurrence.ONCE)
                    && body.value() instanceof TypeExpr.Parenthesized p) {
                choices.addAll(p.group().choices());
            } else {
                choices.add(List.of(body));
            }
        }
        return new GroupExpr(rule.position(), choices);
    }

    private Env unwrapEnv(TypeExpr.Name name, Env env) {
        RuleDefinition rule = definitions.rule(name.name());
        return rule == null ? env : Env.bind(rule.parameters(), name.arguments(), env);
    }

    /** What a name stands for when it has a single body: following plain renames. */
    TypeExpr resolve(TypeExpr type, Env env) {
        TypeExpr current = type;
        for (int hops = 0; hops < MAX_HOPS && current instanceof TypeExpr.Name name; hops++) {
            Env.Binding bound = env.lookup(name.name());
            if (bound != null) {
                current = bound.type();
                env = bound.env();
                continue;
            }
            RuleDefinition rule = definitions.rule(name.name());
            if (rule == null || rule.bodies().size() != 1 || rule.bodies().getFirst().key().isPresent()) {
                return current;
            }
            current = rule.bodies().getFirst().value();
        }
        return current;
    }

    /** The values an enumeration ({@code &group}) chooses from: the values of the group's entries. */
    List<TypeExpr> enumeration(TypeExpr group, Env env) {
        GroupExpr resolved = switch (group) {
            case TypeExpr.Parenthesized p -> p.group();
            case TypeExpr.Name n -> {
                RuleDefinition rule = definitions.rule(n.name());
                yield rule == null ? new GroupExpr(n.position(), List.of(List.of())) : ruleGroup(rule);
            }
            default -> new GroupExpr(group.position(), List.of(List.of()));
        };
        List<TypeExpr> values = new ArrayList<>();
        for (List<GroupEntry> choice : resolved.choices()) {
            for (GroupEntry entry : choice) {
                Splice splice = entry.key().isEmpty() ? splice(entry, env) : null;
                if (splice != null) {
                    values.addAll(enumeration(new TypeExpr.Parenthesized(entry.position(), splice.group()), splice.env()));
                } else {
                    values.add(entry.value());
                }
            }
        }
        return values;
    }

    /** The literal a type stands for, following names with a single literal body; null if it is not one. */
    @Nullable Literal literalOf(TypeExpr type, Env env) {
        TypeExpr resolved = resolve(type, env);
        if (resolved instanceof TypeExpr.Enumeration e) {
            // &(alg: 1) names the one value 1: as a member key it is that literal.
            List<TypeExpr> values = enumeration(e.group(), env);
            return values.size() == 1 ? literalOf(values.getFirst(), env) : null;
        }
        return resolved instanceof TypeExpr.Value v ? v.literal() : null;
    }

    /**
     * The entries of a map's group in the order they are matched: the members of a map have no order, so the entries
     * with a literal key go first (each claims its one member), then spliced groups, then the entries with type keys
     * (which take whatever is left), required ones before optional ones: so that {@code {* tstr => any, name: tstr}}
     * leaves {@code name} to its entry.
     */
    List<GroupEntry> memberOrder(List<GroupEntry> entries, Env env) {
        List<GroupEntry> literalKeys = new ArrayList<>();
        List<GroupEntry> splices = new ArrayList<>();
        List<GroupEntry> typeKeys = new ArrayList<>();
        int requiredTypeKeys = 0;
        for (GroupEntry entry : entries) {
            if (entry.key().isEmpty()) {
                splices.add(entry);
            } else if (literalOf(entry.key().get().type(), env) != null) {
                literalKeys.add(entry);
            } else if (entry.occurrence().min() > 0) {
                typeKeys.add(requiredTypeKeys++, entry); // required ones first, so that optional ones take the rest
            } else {
                typeKeys.add(entry);
            }
        }
        literalKeys.addAll(splices);
        literalKeys.addAll(typeKeys);
        return literalKeys;
    }
}
