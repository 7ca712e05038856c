package dev.runtape.api.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.transparency.TransparencyMediaTypes;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.audit.AuditReports;
import dev.runtape.projections.audit.ProvenanceAudit;
import dev.runtape.projections.audit.ProvenanceAuditor;
import dev.runtape.verifier.FormatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provenance audit of a dataset version ({@code GET /datasets/{id}/audit}) or of one export
 * ({@code GET /datasets/{id}/exports/{export}/audit}), read from the log now: as JSON by default, as a printable page
 * with {@code Accept: text/html}, and with {@code Accept: application/cose} as the JSON signed by the ledger's key
 * (COSE_Sign1, content type application/json), so an officer can hand it on and its reader check it offline.
 */
@RestController
public class AuditController {

    private static final MediaType COSE = MediaType.parseMediaType(TransparencyMediaTypes.COSE_VALUE);

    private final LedgerNode node;
    private final TenantGuard tenants;
    private final ProvenanceAuditor auditor;

    public AuditController(LedgerNode node, TenantGuard tenants) {
        this.node = node;
        this.tenants = tenants;
        this.auditor = new ProvenanceAuditor(node, Clock.systemUTC());
    }

    @GetMapping(path = "/datasets/{id}/audit", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.TEXT_HTML_VALUE, TransparencyMediaTypes.COSE_VALUE})
    public ResponseEntity<?> dataset(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
            throws FormatException {
        return answer(id, null, accept);
    }

    @GetMapping(path = "/datasets/{id}/exports/{export}/audit", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.TEXT_HTML_VALUE, TransparencyMediaTypes.COSE_VALUE})
    public ResponseEntity<?> export(@PathVariable String id, @PathVariable String export,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
            throws FormatException {
        return answer(id, export, accept);
    }

    private ResponseEntity<?> answer(String id, @Nullable String export, @Nullable String accept)
            throws FormatException {
        tenants.checkExisting(CallerArgument.current(), StreamId.of(StreamId.Kind.DATASET, id));
        ProvenanceAudit audit = auditor.audit(id, export).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, export == null ? "no dataset " + id : "no export " + export + " of dataset "
                        + id));
        MediaType wanted = PreferredType.of(accept, MediaType.TEXT_HTML, COSE);
        if (wanted.equalsTypeAndSubtype(MediaType.TEXT_HTML)) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(AuditReports.html(audit));
        }
        ObjectNode report = AuditReports.json(audit);
        if (wanted.equalsTypeAndSubtype(COSE)) {
            return ResponseEntity.ok().contentType(COSE).body(SignedReports.sign(node, report, "dataset/" + id).encode());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
