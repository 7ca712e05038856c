package dev.runtape.api.commands;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** Checks on request members that Jackson leaves to us: a missing member is null. */
public final class Fields {

    private Fields() {
    }

    /** The value of a required member, or a 400 problem naming it. */
    public static <T> T required(String member, @Nullable T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "\"" + member + "\" is required");
        }
        return value;
    }
}
