package dev.runtape.api.commands.dataset;

import static dev.runtape.api.commands.Fields.required;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.commands.CommandSender;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.domain.dataset.SealExport;
import dev.runtape.ledger.export.BundleExporter;
import dev.runtape.ledger.export.ExportException;
import dev.runtape.ledger.export.ExportPlan;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.api.queries.SignedReports;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.audit.AuditReports;
import dev.runtape.projections.audit.ProvenanceAuditor;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.bundle.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /datasets/{id}/bundles}: exports a dataset version to a recipient. The bundle is written to a file in
 * the data directory first; only when it is whole is the export sealed (ExportSealed with the manifest's digest and
 * the checkpoint the bundle is proved against), the seal statement appended to it as its last entry, and then the
 * file is streamed back. The bundle carries the dataset's provenance audit, signed by the ledger, before the seal. A failure before the seal leaves
 * no seal; the seal freezes the dataset version, as every seal does.
 */
@RestController
public class BundleController {

    /** A CBOR sequence (RFC 8742) of the bundle's items. */
    public static final String BUNDLE_TYPE = "application/cbor-seq";
    private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(10);

    private final CommandSender sender;
    private final TenantGuard tenants;
    private final BundleExporter exporter;
    private final Path scratch;
    private final EventLog log;
    private final ProofService proofs;
    private final LedgerNode node;
    private final ProvenanceAuditor auditor;

    public BundleController(CommandSender sender, TenantGuard tenants, LedgerNode node) {
        this.sender = sender;
        this.log = node.log();
        this.proofs = node.proofs();
        this.node = node;
        this.auditor = new ProvenanceAuditor(node, Clock.systemUTC());
        this.tenants = tenants;
        this.exporter = new BundleExporter(node, Clock.systemUTC());
        this.scratch = node.settings().dataDirectory().resolve("exports");
    }

    /**
     * Waits, up to {@link #CHECKPOINT_WAIT}, for a checkpoint over everything appended before the request: the
     * integrator signs one within a second of new statements, and the bundle proves every statement against one.
     */
    private void awaitCheckpoint(long position) {
        long deadline = System.nanoTime() + CHECKPOINT_WAIT.toNanos();
        while (proofs.latestCheckpoint().map(c -> c.treeSize()).orElse(0L) < position) {
            if (System.nanoTime() > deadline) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "no checkpoint covers the log's position "
                        + position + " yet; try again in a moment");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProblemException(ProblemType.UNAVAILABLE, "interrupted while waiting for a checkpoint");
            }
        }
    }

    @PostMapping(path = "/datasets/{id}/bundles", produces = BUNDLE_TYPE)
    public ResponseEntity<InputStreamResource> export(@PathVariable String id, @RequestBody BundleRequest body)
            throws IOException {
        StreamId dataset = StreamId.of(StreamId.Kind.DATASET, id);
        tenants.checkExisting(CallerArgument.current(), dataset);
        String exportId = required("export-id", body.exportId());
        awaitCheckpoint(log.lastPosition());
        ExportPlan plan;
        Files.createDirectories(scratch);
        Path file = Files.createTempFile(scratch, "export-", ".bundle");
        try {
            plan = exporter.plan(id, exportId, required("recipient", body.recipient()), body.purpose(),
                    Boolean.TRUE.equals(body.artifacts()), body.since());
            byte[] audit = auditor.audit(id, null).map(a -> SignedReports.sign(node, AuditReports.json(a), "dataset/" + id)
                    .encode()).orElseThrow(() -> new ExportException("no dataset " + id));
            try (OutputStream out = Files.newOutputStream(file)) {
                exporter.write(plan, out, written -> { }, Optional.of(audit));
            }
        } catch (FormatException e) {
            Files.deleteIfExists(file);
            throw new ProblemException(ProblemType.UNAVAILABLE, "dataset " + id + ": the ledger cannot be read: "
                    + e.getMessage());
        } catch (ExportException e) {
            Files.deleteIfExists(file);
            throw new ProblemException(e.getMessage().startsWith("no dataset") ? ProblemType.NOT_FOUND
                    : ProblemType.INVALID_REQUEST, e.getMessage());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            sender.send(CallerArgument.current(), new SealExport(id, exportId, plan.manifestDigest(),
                    plan.checkpointRef(), plan.recipient(), plan.purpose()), dataset,
                    new CommandSender.Request(Optional.of("seal-" + exportId), OptionalLong.empty()));
        } catch (RuntimeException refused) {
            Files.deleteIfExists(file);
            throw refused;
        }
        // The seal goes last into the file, so the manifest's own fields are covered by the ledger's signature.
        byte[] seal = log.findByEventId("seal-" + exportId).orElseThrow(() -> new IllegalStateException(
                "the export " + exportId + " was sealed but its statement is not in the log")).statement().bytes();
        Files.write(file, BundleWriter.sealEntry(seal), StandardOpenOption.APPEND);
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file);
        Files.delete(file); // the open stream keeps the bytes until it is closed
        return ResponseEntity.status(201).contentType(MediaType.parseMediaType(BUNDLE_TYPE)).contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + exportId + ".bundle\"")
                .header("Runtape-Manifest-Digest", plan.manifestDigest().hex())
                .header("Runtape-Statements", Long.toString(plan.statements()))
                .body(new InputStreamResource(in));
    }
}
