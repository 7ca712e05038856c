package dev.runtape.api.commands.capture;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.Caller;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.importer.FormatDetector;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportResult;
import dev.runtape.ledger.importer.ImportSummary;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.vac.SignedRecordKeys;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /imports}: a trajectory file of a format teams already have (the body, as it is), detected or named
 * with {@code format}, imported as the caller. The file is put alone in an empty directory first, so that a format
 * that looks beside its file (Claude Code's subagents, SWE-agent's args.yaml) finds nothing of the server's. With
 * {@code Content-Type: application/zip} the body is the file and the files beside it ({@link UploadedFolder}), as
 * {@code runtape import} sends a file that has companions. Answers what it brought in; 201 when it stored events, 200
 * when the file had been imported before.
 */
@RestController
public class ImportController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final LedgerNode node;
    private final TenantGuard tenants;
    private final FormatDetector detector;

    public ImportController(LedgerNode node, TenantGuard tenants, RuntapeProperties properties) {
        this.node = node;
        this.tenants = tenants;
        this.detector = ImportFormats.detector(Math.toIntExact(properties.limits().importLine().toBytes()),
                SignedRecordKeys.validNow(node.producers()));
    }

    @PostMapping("/imports")
    public ResponseEntity<ImportSummary> importFile(HttpServletRequest http)
            throws IOException, ContentStoreException {
        QueryParameters query = QueryParameters.of(http);
        String given = query.single("name");
        String name = given == null ? "upload" : given;
        String format = query.single("format");
        if (!NAME.matcher(name).matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "name is the file's name (letters, digits and "
                    + ". _ -), not \"" + name + "\"");
        }
        Caller caller = CallerArgument.current();
        ImportedTrajectory trajectory = read(http, name, format);
        List<StreamId> streams = new ArrayList<>();
        streams(trajectory, streams);
        tenants.check(caller, streams.toArray(StreamId[]::new));
        ImportResult result = new LedgerImporter(node, caller.principal(), caller.tenant()).write(trajectory);
        ImportSummary summary = ImportSummary.of(name, trajectory, result);
        return ResponseEntity.status(summary.eventsStored() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/streams/" + StreamId.of(StreamId.Kind.TRAJECTORY, trajectory.trajectoryId())
                        .value()).body(summary);
    }

    private ImportedTrajectory read(HttpServletRequest http, String name, @Nullable String format)
            throws IOException {
        Path directory = Files.createTempDirectory("runtape-import");
        try {
            Path file = directory.resolve(name);
            try (InputStream body = http.getInputStream()) {
                if (isZip(http.getContentType())) {
                    UploadedFolder.extract(body, directory, name);
                } else {
                    Files.copy(body, file);
                }
            }
            return detector.read(SourceFile.read(file), format);
        } catch (ImportException e) {
            // The message names the file by the server's temporary path: name it as the caller did.
            throw new ProblemException(ProblemType.IMPORT_REFUSED, problem(e).replace(e.file().toString(), name),
                    Map.of("location", e.location()));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static boolean isZip(@Nullable String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip");
    }

    private static String problem(ImportException e) {
        String message = e.getMessage();
        return message == null ? "cannot be read" : message;
    }

    private static void streams(ImportedTrajectory trajectory, List<StreamId> streams) {
        streams.add(StreamId.of(StreamId.Kind.TASK, trajectory.taskId()));
        streams.add(StreamId.of(StreamId.Kind.TRAJECTORY, trajectory.trajectoryId()));
        for (ImportedTrajectory child : trajectory.children()) {
            streams(child, streams);
        }
    }
}
