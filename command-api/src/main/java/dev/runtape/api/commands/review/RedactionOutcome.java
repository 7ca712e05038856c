package dev.runtape.api.commands.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.verifier.Digest;
import java.util.List;

/**
 * The answer to a redaction: where its statement was stored, the contents it deleted now, and those the content store
 * no longer held (deleted by an earlier try of the same redaction, or never uploaded).
 */
public record RedactionOutcome(@JsonUnwrapped CommandOutcome outcome, List<Digest> deleted, List<Digest> absent) {

    public RedactionOutcome {
        deleted = List.copyOf(deleted);
        absent = List.copyOf(absent);
    }
}
