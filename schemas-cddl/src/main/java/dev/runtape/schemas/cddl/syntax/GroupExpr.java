package dev.runtape.schemas.cddl.syntax;

import java.util.List;

/** A group: choices separated by {@code //}, each a sequence of entries. */
public record GroupExpr(Position position, List<List<GroupEntry>> choices) {

    public GroupExpr {
        choices = choices.stream().map(List::copyOf).toList();
    }

    /** The single entry of a one-choice, one-entry group, if that is what this is. */
    public java.util.Optional<GroupEntry> single() {
        return choices.size() == 1 && choices.getFirst().size() == 1
                ? java.util.Optional.of(choices.getFirst().getFirst())
                : java.util.Optional.empty();
    }
}
