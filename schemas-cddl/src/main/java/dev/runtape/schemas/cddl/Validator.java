package dev.runtape.schemas.cddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.internal.Definitions;
import dev.runtape.schemas.cddl.internal.GraphCompiler;
import dev.runtape.schemas.cddl.internal.Matcher;
import dev.runtape.schemas.cddl.internal.graph.Graph;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import org.jspecify.annotations.Nullable;

/**
 * Checks instances against one rule of a compiled {@link Schema}. Immutable and safe to share between threads.
 *
 * <p>The rule is compiled once into a graph of matchers that only tells whether an instance matches, which is all a
 * valid instance needs. An instance the graph does not accept is matched again by the interpreting matcher, which
 * says where and why it fails; the two agree on every verdict.
 */
public final class Validator {

    private final Definitions definitions;
    private final TypeExpr rule;
    private final @Nullable Graph graph;

    Validator(Definitions definitions, TypeExpr rule) {
        this.definitions = definitions;
        this.rule = rule;
        this.graph = GraphCompiler.compile(definitions, rule);
    }

    /** Validates a CBOR data item. */
    public ValidationResult validate(CborValue instance) {
        if (graph != null && graph.accepts(instance)) {
            assert agree(true, interpret(instance), instance);
            return ValidationResult.VALID;
        }
        ValidationResult result = interpret(instance);
        assert graph == null || agree(graph.decide(instance), result, instance);
        return result;
    }

    /** With assertions on (as in tests), every verdict of the graph is checked against the matcher's. */
    private static boolean agree(@Nullable Boolean compiled, ValidationResult interpreted, CborValue instance) {
        if (compiled != null && compiled != interpreted.isValid()) {
            throw new AssertionError("the compiled graph " + (compiled ? "accepts" : "rejects") + " " + instance
                    + ", the matcher says " + interpreted.failures());
        }
        return true;
    }

    /**
     * Validates a JSON document, read as the CBOR data model reads JSON (RFC 8610 §1.3, RFC 8949 §6.2): numbers with
     * a fraction or exponent are floats, others integers; objects are maps with text keys.
     */
    public ValidationResult validate(JsonNode instance) {
        return validate(JsonInstances.toCbor(instance));
    }

    /** The interpreting matcher's result alone: where and why the instance fails, if it does. */
    ValidationResult interpret(CborValue instance) {
        return new ValidationResult(new Matcher(definitions).validate(rule, instance));
    }

    /** The compiled graph's verdict alone: null when the rule has no graph or the graph cannot tell. */
    @Nullable Boolean compiledVerdict(CborValue instance) {
        return graph == null ? null : graph.decide(instance);
    }
}
