package dev.runtape.schemas.cddl;

import dev.runtape.schemas.cddl.internal.Definitions;
import dev.runtape.schemas.cddl.syntax.CddlParser;
import dev.runtape.schemas.cddl.syntax.CddlSyntaxException;
import dev.runtape.schemas.cddl.syntax.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled CDDL schema: one or more sources plus the standard prelude (RFC 8610 Appendix D), with every name
 * resolved. Immutable and safe to share between threads; compile once, validate many times.
 */
public final class Schema {

    private final Definitions definitions;
    private final String firstRule;

    private Schema(Definitions definitions, String firstRule) {
        this.definitions = definitions;
        this.firstRule = firstRule;
    }

    /** Compiles one CDDL source. */
    public static Schema compile(String name, String source) throws SchemaException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(name, source);
        return compile(sources);
    }

    /**
     * Compiles several CDDL sources, named for error messages, into one schema (rules may refer across sources).
     *
     * @throws SchemaException listing every syntax error, undefined name and misuse found, with positions
     * @throws IllegalArgumentException if there are no sources
     */
    public static Schema compile(Map<String, String> sources) throws SchemaException {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one CDDL source");
        }
        List<SchemaException.Problem> problems = new ArrayList<>();
        Map<String, List<Rule>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            try {
                parsed.put(source.getKey(), CddlParser.parse(source.getValue()));
            } catch (CddlSyntaxException e) {
                problems.add(new SchemaException.Problem(source.getKey(), e.position(),
                        e.getMessage().substring(e.position().toString().length() + 2)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaException(problems);
        }
        Definitions definitions = Definitions.build(parsed);
        String first = parsed.values().iterator().next().getFirst().name();
        return new Schema(definitions, first);
    }

    /** The names of the rules the sources define (not the prelude's). */
    public Set<String> ruleNames() {
        return definitions.sourceRuleNames();
    }

    /** The first rule of the first source: by convention the schema's root. */
    public String firstRule() {
        return firstRule;
    }

    /**
     * A validator of instances against {@code rule}.
     *
     * @throws IllegalArgumentException if the schema has no such rule, or it names a group, not a type
     */
    public Validator validator(String rule) {
        return new Validator(definitions, definitions.typeRule(rule));
    }
}
