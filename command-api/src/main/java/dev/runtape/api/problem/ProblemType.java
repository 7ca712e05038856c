package dev.runtape.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error the API answers, each with a stable {@code type} URI ({@code urn:runtape:problem:<slug>}), its
 * status and title (RFC 9457). Clients key on the type; the detail says what went wrong in this request.
 */
public enum ProblemType {
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "No valid credentials"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "The principal's roles do not allow this"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request body cannot be read"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request is not valid"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The body's media type is not accepted here"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "None of the accepted media types can be produced"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "The method is not allowed here"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than allowed"),
    SCHEMA_INVALID("schema-invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The event does not match its schema"),
    IMPORT_REFUSED("import-refused", HttpStatus.UNPROCESSABLE_ENTITY, "The file cannot be imported"),
    STATEMENT_REJECTED("statement-rejected", HttpStatus.BAD_REQUEST, "The signed statement is refused"),
    RULE_VIOLATED("rule-violated", HttpStatus.CONFLICT, "The command breaks a rule of the domain"),
    REVISION_CONFLICT("revision-conflict", HttpStatus.CONFLICT, "The stream was changed concurrently"),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED,
            "The stream is not at the revision If-Match names"),
    EVENT_ID_CONFLICT("event-id-conflict", HttpStatus.CONFLICT,
            "The event id is already used for something else"),
    NOT_INTEGRATED("not-integrated", HttpStatus.NOT_FOUND, "Not yet under a checkpoint"),
    NO_SUCH_CHECKPOINT("no-such-checkpoint", HttpStatus.BAD_REQUEST, "No signed checkpoint has this tree size"),
    KEY_ALREADY_REGISTERED("key-already-registered", HttpStatus.CONFLICT,
            "The key is registered already; a key is registered once, to one principal"),
    KEY_IS_PRIMARY("key-is-primary", HttpStatus.CONFLICT,
            "The key still signs for the ledger and cannot be revoked yet"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The ledger cannot take this now"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create("urn:runtape:problem:" + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
