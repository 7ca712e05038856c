package dev.runtape.api.commands.review;

import static dev.runtape.api.commands.Fields.required;
import static dev.runtape.api.commands.review.QaController.trajectory;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandOutcome;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.commands.Revisions;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.search.SearchIndex;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.trajectory.ApplyRedaction;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.search.SearchException;
import dev.runtape.verifier.Digest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redaction and erasure: a trajectory's disclosures or artifacts deleted from the content store, and a
 * {@code RedactionApplied} statement saying which and why. The log never changes: the statements that name the
 * digests keep them, and stay valid.
 *
 * <p>The answer comes once the search index has projected the redaction, so the text can no longer be found there.
 *
 * <p>The statement is appended first and the contents deleted after it, so no content is ever gone without a record
 * of why. A crash between the two leaves contents that the record says are redacted; the same request again (same
 * event id) is answered from the log and deletes them. The same event id with other digests is a conflict
 * ({@code CommandSender}), and deletes nothing.
 */
@RestController
public class RedactionController {

    private static final int MAX_DIGESTS = 10_000;

    private final CommandSender sender;
    private final TenantGuard tenants;
    private final EventLog log;
    private final ContentStore content;
    private final SearchIndex search;

    public RedactionController(CommandSender sender, TenantGuard tenants, LedgerNode node, SearchIndex search) {
        this.sender = sender;
        this.search = search;
        this.tenants = tenants;
        this.log = node.log();
        this.content = node.content();
    }

    @PostMapping("/trajectories/{id}/redactions")
    public ResponseEntity<RedactionOutcome> redact(@PathVariable String id, @RequestBody RedactionRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch)
            throws ContentStoreException, SearchException {
        CommandSender.Request request = CommandSender.Request.of(body.eventId(), idempotencyKey, ifMatch);
        List<Digest> digests = List.copyOf(new LinkedHashSet<>(required("digests", body.digests())));
        if (digests.isEmpty() || digests.size() > MAX_DIGESTS) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "a redaction names 1 to " + MAX_DIGESTS
                    + " digests, not " + digests.size());
        }
        Caller caller = CallerArgument.current();
        StreamId stream = trajectory(id);
        tenants.checkExisting(caller, stream);
        requireReferenced(stream, digests);

        CommandOutcome outcome = sender.send(caller, new ApplyRedaction(id, digests, required("kind", body.kind()),
                required("reason", body.reason())), stream, request);
        List<Digest> deleted = new ArrayList<>();
        List<Digest> absent = new ArrayList<>();
        for (Digest digest : digests) {
            (content.delete(digest) ? deleted : absent).add(digest);
        }
        // Acknowledged once projected: the text is out of the search index before the answer. The processor may
        // have indexed the redaction's statement before the contents were deleted, so the trajectory is indexed again.
        search.current();
        search.projection().reindex(stream.aggregateId());
        return ResponseEntity.ok().location(URI.create("/streams/" + outcome.stream()))
                .eTag(Revisions.etag(outcome.revision())).body(new RedactionOutcome(outcome, deleted, absent));
    }

    private void requireReferenced(StreamId stream, List<Digest> digests) {
        Set<Digest> referenced = ReferencedDigests.of(log, stream);
        List<String> foreign = digests.stream().filter(digest -> !referenced.contains(digest)).map(Digest::hex)
                .toList();
        if (!foreign.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "no statement of " + stream
                    + " names the digest" + (foreign.size() == 1 ? " " : "s ") + String.join(", ", foreign)
                    + ": a redaction deletes only contents of its own trajectory");
        }
    }
}
