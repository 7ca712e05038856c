package dev.runtape.api.commands.capture;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.commands.Revisions;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.domain.trajectory.AttachArtifact;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.ArtifactRef;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Artifacts (screenshots, recordings, snapshots): the request body is the artifact itself, streamed into the content
 * store under its SHA-256 with the artifact size limit, then attached to the trajectory or one of its steps. Query
 * parameters, read from the URL alone so that no form body is ever parsed: {@code name}, {@code step}.
 */
@RestController
public class ArtifactController {

    private static final Pattern STEP = Pattern.compile("\\d{1,18}");

    private final CommandSender sender;
    private final TenantGuard tenants;
    private final ContentStore content;
    private final long maxBytes;

    public ArtifactController(CommandSender sender, TenantGuard tenants, LedgerNode node,
            RuntapeProperties properties) {
        this.sender = sender;
        this.tenants = tenants;
        this.content = node.content();
        this.maxBytes = properties.limits().artifact().toBytes();
    }

    @PostMapping("/trajectories/{id}/artifacts")
    public ResponseEntity<ArtifactOutcome> attach(@PathVariable String id, HttpServletRequest http,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException, IOException {
        MediaType mediaType = mediaType(http.getContentType());
        QueryParameters query = QueryParameters.of(http);
        String name = query.single("name");
        String step = query.single("step");
        if (step != null && !STEP.matcher(step).matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "step must be a step index, not \"" + step + "\"");
        }
        CommandSender.Request request = CommandSender.Request.of(null, idempotencyKey, ifMatch);
        Caller caller = CallerArgument.current();
        StreamId stream = StreamId.of(StreamId.Kind.TRAJECTORY, id);
        // Before reading a byte: no content is stored for a trajectory the caller cannot see.
        tenants.checkExisting(caller, stream);

        // A command refused below leaves the upload in the store, unreferenced: it may be another trajectory's too
        // (the store keeps identical bytes once), so it is not deleted here.
        StoredContent stored;
        try (InputStream body = http.getInputStream()) {
            stored = content.put(body, maxBytes);
        }
        ArtifactRef artifact = new ArtifactRef(stored.digest(), mediaType.toString(), stored.size(), name);
        CommandOutcome outcome = sender.send(caller, new AttachArtifact(id, step == null ? null
                : Long.valueOf(step), artifact), stream, request);
        return ResponseEntity.ok().location(URI.create("/streams/" + outcome.stream()))
                .eTag(Revisions.etag(outcome.revision())).body(new ArtifactOutcome(outcome, artifact));
    }

    private static MediaType mediaType(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "an artifact's Content-Type is its media type (image/png, video/webm, ...); none was sent");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type is not a media type: "
                    + header);
        }
        if (type.isWildcardType() || type.isWildcardSubtype() || type.getType().equals("multipart")
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the artifact itself as the body, "
                    + "with its own media type, not as " + type);
        }
        return type;
    }
}
