package dev.runtape.schemas.cddl;

import java.util.List;

/** The outcome of validating one instance: valid, or the failures found. */
public record ValidationResult(List<Failure> failures) {

    public static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        failures = List.copyOf(failures);
    }

    public boolean isValid() {
        return failures.isEmpty();
    }
}
