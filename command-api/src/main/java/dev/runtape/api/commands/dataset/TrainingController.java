package dev.runtape.api.commands.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.TenantGuard;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.export.TrainingLines;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.FormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /datasets/{id}/training?split=train|eval&form=vac|chat}: the split's trajectories as JSON lines
 * (application/x-ndjson), one Verifiable Agent Conversation record or one flat chat per trajectory.
 */
@RestController
public class TrainingController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantGuard tenants;
    private final LedgerNode node;
    private final TrainingLines lines;

    public TrainingController(TenantGuard tenants, LedgerNode node) {
        this.tenants = tenants;
        this.node = node;
        this.lines = new TrainingLines(node.log(), node.disclosures());
    }

    @GetMapping(path = "/datasets/{id}/training", produces = "application/x-ndjson")
    public ResponseEntity<byte[]> training(@PathVariable String id, @RequestParam("split") String split,
            @RequestParam(name = "form", defaultValue = "vac") String form)
            throws FormatException, ContentStoreException {
        Split which = switch (split) {
            case "train" -> Split.TRAIN;
            case "eval" -> Split.EVAL;
            default -> throw new ProblemException(ProblemType.INVALID_REQUEST, "split: expected train or eval, found \""
                    + split + "\"");
        };
        if (!form.equals("vac") && !form.equals("chat")) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "form: expected vac or chat, found \"" + form
                    + "\"");
        }
        StreamId dataset = StreamId.of(StreamId.Kind.DATASET, id);
        tenants.checkExisting(CallerArgument.current(), dataset);
        if (node.log().head(dataset).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no dataset " + id);
        }
        // Buffered: the lines are written while the request's security context still holds (an async stream
        // would run without it); a dataset's training lines are far smaller than its bundle.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        lines.write(id, which, TrainingLines.Form.of(form.toUpperCase(Locale.ROOT)), line -> {
            try {
                body.write(JSON.writeValueAsBytes(line));
                body.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(NDJSON).body(body.toByteArray());
    }
}
