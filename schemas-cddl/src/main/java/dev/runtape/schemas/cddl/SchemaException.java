package dev.runtape.schemas.cddl;

import dev.runtape.schemas.cddl.syntax.Position;
import java.util.List;
import java.util.stream.Collectors;

/** A schema that does not compile: syntax errors, undefined names, misused groups. Each problem has a position. */
public final class SchemaException extends Exception {

    private final List<Problem> problems;

    /** One problem in a schema, at a line and column of the named source. */
    public record Problem(String source, Position position, String message) {
        @Override
        public String toString() {
            return source + ":" + position + ": " + message;
        }
    }

    public SchemaException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
