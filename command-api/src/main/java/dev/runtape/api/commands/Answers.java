package dev.runtape.api.commands;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP answer to a command: its outcome, the stream's new revision as the ETag, and where to read the stream. */
public final class Answers {

    private Answers() {
    }

    /** 201 Created, for a command that starts a stream. */
    public static ResponseEntity<CommandOutcome> created(CommandOutcome outcome) {
        return ResponseEntity.created(URI.create("/streams/" + outcome.stream())).eTag(Revisions.etag(
                outcome.revision())).body(outcome);
    }

    /** 200 OK, for a command on an existing stream. */
    public static ResponseEntity<CommandOutcome> recorded(CommandOutcome outcome) {
        return ResponseEntity.status(HttpStatus.OK).location(URI.create("/streams/" + outcome.stream()))
                .eTag(Revisions.etag(outcome.revision())).body(outcome);
    }
}
