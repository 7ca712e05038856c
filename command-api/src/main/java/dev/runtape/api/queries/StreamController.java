package dev.runtape.api.queries;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.Revisions;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads a stream: its statements in revision order, a page at a time. */
@RestController
public class StreamController {

    private static final int MAX_PAGE = 1000;

    private final EventLog log;
    private final TenantGuard tenants;

    public StreamController(LedgerNode node, TenantGuard tenants) {
        this.log = node.log();
        this.tenants = tenants;
    }

    @GetMapping("/streams/{kind}/{id}")
    public ResponseEntity<StreamPage> read(@PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
        if (from < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "from is at least 0 and limit 1 to " + MAX_PAGE);
        }
        StreamId stream = new StreamId(kind.toLowerCase(Locale.ROOT) + "/" + id);
        Caller caller = CallerArgument.current();
        tenants.checkExisting(caller, stream);
        StreamHead head = log.head(stream).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no stream " + stream));
        List<LogEntry> entries = log.readStream(stream, from, limit);
        Long next = entries.isEmpty() || entries.getLast().revision() >= head.revision() ? null
                : entries.getLast().revision() + 1;
        return ResponseEntity.ok().eTag(Revisions.etag(head.revision())).body(new StreamPage(stream.value(),
                caller.tenant(), head.revision(), entries.stream().map(StoredStatement::of).toList(), next));
    }
}
