package dev.runtape.api.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.transparency.TransparencyMediaTypes;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.importer.vac.VacRecords;
import dev.runtape.ledger.importer.vac.VacSignedRecords;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.FormatException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /trajectories/{id}/vac-record}: any trajectory the ledger holds, imported or recorded through the API, as
 * a Verifiable Agent Conversation record (the draft's {@code verifiable-agent-record}, JSON), or with
 * {@code Accept: application/cose} as a {@code signed-agent-record} signed by the ledger's current key. Contents the
 * store no longer holds (redacted, erased) appear as their digest. Child trajectories are nested in it.
 */
@RestController
public class VacRecordController {

    private static final MediaType COSE = MediaType.parseMediaType(TransparencyMediaTypes.COSE_VALUE);

    private final LedgerNode node;
    private final TenantGuard tenants;
    private final StoredTrajectoryReader reader;

    public VacRecordController(LedgerNode node, TenantGuard tenants) {
        this.node = node;
        this.tenants = tenants;
        this.reader = new StoredTrajectoryReader(node.log(), node.disclosures());
    }

    /** JSON unless the caller prefers COSE: a record is read by people and tools first, verified second. */
    @GetMapping(path = "/trajectories/{id}/vac-record", produces = {MediaType.APPLICATION_JSON_VALUE,
        TransparencyMediaTypes.COSE_VALUE})
    public ResponseEntity<?> record(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
            throws FormatException, ContentStoreException {
        ObjectNode record = VacRecords.export(read(id));
        if (!PreferredType.of(accept, COSE).equals(COSE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(record);
        }
        byte[] signed = VacSignedRecords.sign(record, node.keys().primary(), node.settings().integrator().origin())
                .encode();
        return ResponseEntity.ok().contentType(COSE).body(signed);
    }

    private ImportedTrajectory read(String id) throws FormatException, ContentStoreException {
        StreamId stream = StreamId.of(StreamId.Kind.TRAJECTORY, id);
        tenants.checkExisting(CallerArgument.current(), stream);
        return reader.read(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no trajectory " + id));
    }
}
