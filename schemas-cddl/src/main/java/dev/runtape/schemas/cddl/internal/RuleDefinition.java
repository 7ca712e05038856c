package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.Position;
import java.util.List;

/**
 * A named rule after merging its definition with the choices added by {@code /=} and {@code //=}: its generic
 * parameters, and one body per definition or addition.
 */
record RuleDefinition(String name, String source, Position position, List<String> parameters,
        List<GroupEntry> bodies, boolean addsGroupChoices) {

    RuleDefinition {
        parameters = List.copyOf(parameters);
        bodies = List.copyOf(bodies);
    }

    RuleDefinition withBody(GroupEntry body, boolean groupChoice) {
        List<GroupEntry> more = new java.util.ArrayList<>(bodies);
        more.add(body);
        return new RuleDefinition(name, source, position, parameters, more, addsGroupChoices || groupChoice);
    }

    /** Sockets ({@code $name}, {@code $$name}) may be left undefined: they then match nothing. */
    static boolean isSocket(String name) {
        return name.startsWith("$");
    }
}
