package dev.runtape.schemas.cddl.syntax;

import java.util.List;

/**
 * {@code name<params> = entry}, {@code name /= type} (adds type choices) or {@code name //= entry} (adds group
 * choices). The right-hand side is kept as a group entry; whether the rule names a type or a group follows from it.
 */
public record Rule(Position position, String name, List<String> parameters, Assignment assignment, GroupEntry body) {

    public enum Assignment {
        DEFINE, ADD_TYPE_CHOICE, ADD_GROUP_CHOICE
    }

    public Rule {
        parameters = List.copyOf(parameters);
    }
}
