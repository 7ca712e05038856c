package dev.runtape.api.problem;

import dev.runtape.api.server.BodyTooLargeException;
import dev.runtape.ledger.axon.StatementRefusedException;
import dev.runtape.ledger.cluster.SharedStateException;
import dev.runtape.ledger.content.ContentTooLargeException;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.log.EventIdConflictException;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.StatementRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error as an RFC 9457 problem document with one of the stable {@link ProblemType}s: the ledger's
 * refusals (a broken rule, a refused statement, a conflict), bad requests, and Spring MVC's own errors.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        return answer(Problems.of(e.type(), e.getMessage(), e.extensions()), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.RULE_VIOLATED, e.getMessage(),
                Map.of("rule", e.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'))), request);
    }

    @ExceptionHandler(StatementRefusedException.class)
    ResponseEntity<ProblemDetail> refused(StatementRefusedException e, HttpServletRequest request) {
        return answer(rejection(e.rejection(), e.getMessage()), request);
    }

    @ExceptionHandler(StatementRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(StatementRejectedException e, HttpServletRequest request) {
        return answer(rejection(e.rejection(), e.getMessage()), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> precondition(ConflictingAggregateVersionException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.PRECONDITION_FAILED, "the stream is at revision "
                + e.getActualVersion() + ", not " + e.getExpectedVersion(),
                Map.of("revision", e.getActualVersion())), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.REVISION_CONFLICT, e.getMessage()
                + "; read the stream again and retry"), request);
    }

    @ExceptionHandler(EventIdConflictException.class)
    ResponseEntity<ProblemDetail> eventId(EventIdConflictException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.EVENT_ID_CONFLICT, e.getMessage(),
                Map.of("event-id", e.eventId())), request);
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()), request);
    }

    /** Keys could not be kept (their files or the shared database failed): nothing was changed, try again. */
    @ExceptionHandler({KeyStorageException.class, SharedStateException.class})
    ResponseEntity<ProblemDetail> keysUnavailable(Exception e, HttpServletRequest request) {
        LOG.error("keys could not be kept answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(ProblemType.UNAVAILABLE, "the keys could not be kept: " + e.getMessage()), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.NOT_FOUND, "no stream " + e.getAggregateIdentifier()), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return answer(Problems.of(ProblemType.INVALID_REQUEST, e.getMessage()), request);
    }

    /** Axon wraps what a handler threw when it was not a runtime exception; answer the cause. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException e, HttpServletRequest request) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception && cause != e) {
            throw exception;
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(ProblemType.INTERNAL, "an unexpected error; the service's log has the details"),
                request);
    }

    /** Spring MVC's own errors, each given its Runtape type. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemType type = switch (e) {
            case HttpMediaTypeNotSupportedException unsupported -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case HttpMediaTypeNotAcceptableException notAcceptable -> ProblemType.NOT_ACCEPTABLE;
            case HttpRequestMethodNotSupportedException method -> ProblemType.METHOD_NOT_ALLOWED;
            case MaxUploadSizeExceededException tooLarge -> ProblemType.PAYLOAD_TOO_LARGE;
            case NoResourceFoundException missing -> ProblemType.NOT_FOUND;
            default -> status.value() == 400 ? ProblemType.MALFORMED_REQUEST
                    : status.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        if (rootCause(e) instanceof BodyTooLargeException tooLarge) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            status = type.status();
            body = Problems.of(type, tooLarge.getMessage());
        }
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (type == ProblemType.MALFORMED_REQUEST) {
            problem.setDetail(readableCause(e));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static Throwable rootCause(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String readableCause(Exception e) {
        Throwable root = rootCause(e);
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        int location = message == null ? -1 : message.indexOf("\n at [Source");
        return message == null ? "the body cannot be read" : location < 0 ? message : message.substring(0, location);
    }

    private static ProblemDetail rejection(Rejection rejection, String message) {
        ProblemType type = switch (rejection) {
            case SCHEMA_INVALID -> ProblemType.SCHEMA_INVALID;
            case WRONG_PREV, STALE_REVISION -> ProblemType.REVISION_CONFLICT;
            default -> ProblemType.STATEMENT_REJECTED;
        };
        return Problems.of(type, message, Map.of("rejection", rejection.code()));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
