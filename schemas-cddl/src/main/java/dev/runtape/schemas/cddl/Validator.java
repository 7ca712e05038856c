package dev.runtape.schemas.cddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.internal.Definitions;
import dev.runtape.schemas.cddl.internal.Matcher;
import dev.runtape.schemas.cddl.syntax.TypeExpr;

/** Checks instances against one rule of a compiled {@link Schema}. Immutable and safe to share between threads. */
public final class Validator {

    private final Definitions definitions;
    private final TypeExpr rule;

    Validator(Definitions definitions, TypeExpr rule) {
        this.definitions = definitions;
        this.rule = rule;
    }

    /** Validates a CBOR data item. */
    public ValidationResult validate(CborValue instance) {
        return new ValidationResult(new Matcher(definitions).validate(rule, instance));
    }

    /**
     * Validates a JSON document, read as the CBOR data model reads JSON (RFC 8610 §1.3, RFC 8949 §6.2): numbers with
     * a fraction or exponent are floats, others integers; objects are maps with text keys.
     */
    public ValidationResult validate(JsonNode instance) {
        return validate(JsonInstances.toCbor(instance));
    }
}
