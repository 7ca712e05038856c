package dev.runtape.api.queries;

import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.lineage.InvalidLineageQueryException;
import dev.runtape.projections.lineage.LineageJson;
import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.projections.lineage.LineageQuery;
import dev.runtape.projections.lineage.LineageView;
import dev.runtape.projections.lineage.NodeId;
import dev.runtape.projections.lineage.NodeKind;
import dev.runtape.projections.lineage.ProvJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /lineage/trajectory/{id}}, {@code /lineage/dataset/{id}} and {@code /lineage/export/{dataset}/{export}}
 * with {@code direction=up|down} (default up) and {@code depth=1..100} (default 10): the node's lineage in the
 * caller's tenant, as JSON ({@link LineageJson}, shaped as {@link LineageAnswer}) or, with
 * {@code Accept: application/prov+json}, as PROV-JSON, streamed to the response as they are written.
 *
 * <p>The answer includes everything the log held when the request came in: the controller waits (up to
 * {@link #FRESHNESS}) for the projection to get there, and names the position it answered at in
 * {@value #POSITION_HEADER}. A node the tenant does not have, another tenant's included, is 404.
 */
@RestController
public class LineageController {

    /** The projection position an answer reflects. */
    public static final String POSITION_HEADER = "Runtape-Projection-Position";
    static final Duration FRESHNESS = Duration.ofSeconds(2);

    private static final MediaType PROV_JSON = MediaType.parseMediaType(ProvJson.MEDIA_TYPE);

    private final LedgerNode node;
    private final LineageProjection projection;

    public LineageController(LedgerNode node, LineageProjection projection) {
        this.node = node;
        this.projection = projection;
    }

    @GetMapping(path = "/lineage/trajectory/{id}",
        produces = {MediaType.APPLICATION_JSON_VALUE, ProvJson.MEDIA_TYPE})
    @Operation(summary = "A trajectory's lineage", responses = @ApiResponse(responseCode = "200",
            description = "the lineage", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = LineageAnswer.class)),
                @Content(mediaType = ProvJson.MEDIA_TYPE, schema = @Schema(type = "object"))}))
    public void trajectory(@PathVariable String id,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(required = false) @Nullable String depth,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletResponse response) throws InterruptedException, IOException {
        answer(NodeId.of(NodeKind.TRAJECTORY, id), direction, depth, accept, response);
    }

    @GetMapping(path = "/lineage/dataset/{id}",
        produces = {MediaType.APPLICATION_JSON_VALUE, ProvJson.MEDIA_TYPE})
    @Operation(summary = "A dataset's lineage", responses = @ApiResponse(responseCode = "200",
            description = "the lineage", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = LineageAnswer.class)),
                @Content(mediaType = ProvJson.MEDIA_TYPE, schema = @Schema(type = "object"))}))
    public void dataset(@PathVariable String id,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(required = false) @Nullable String depth,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletResponse response) throws InterruptedException, IOException {
        answer(NodeId.of(NodeKind.DATASET, id), direction, depth, accept, response);
    }

    @GetMapping(path = "/lineage/export/{dataset}/{export}",
        produces = {MediaType.APPLICATION_JSON_VALUE, ProvJson.MEDIA_TYPE})
    @Operation(summary = "An export's lineage", responses = @ApiResponse(responseCode = "200",
            description = "the lineage", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = LineageAnswer.class)),
                @Content(mediaType = ProvJson.MEDIA_TYPE, schema = @Schema(type = "object"))}))
    public void export(@PathVariable String dataset, @PathVariable String export,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(required = false) @Nullable String depth,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletResponse response) throws InterruptedException, IOException {
        answer(NodeId.of(NodeKind.EXPORT, dataset, export), direction, depth, accept, response);
    }

    /** Any other kind of node: the three above are the ones a lineage starts from. */
    @GetMapping("/lineage/{kind}/{id}")
    public ResponseEntity<?> otherKind(@PathVariable String kind) {
        if (kind.equals(NodeKind.EXPORT.wire())) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "export: expected /lineage/export/{dataset}/{export}, found one part");
        }
        throw new ProblemException(ProblemType.INVALID_REQUEST,
                "kind: expected trajectory, dataset or export, found \"" + kind + "\"");
    }

    /**
     * Writes the answer straight to the response as it is made, never whole in memory: a large dataset's lineage is
     * tens of megabytes. Anything refused is refused before the first byte.
     */
    private void answer(NodeId root, @Nullable String direction, @Nullable String depth, @Nullable String accept,
            HttpServletResponse response) throws InterruptedException, IOException {
        LineageQuery query;
        try {
            query = LineageQuery.parse(root, direction, depth);
        } catch (InvalidLineageQueryException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        projection.awaitPosition(node.log().lastPosition(), FRESHNESS);
        long position = projection.progress().position();
        String tenant = CallerArgument.current().tenant();
        LineageView view = projection.store().lineage(tenant, query).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no " + root + " in the lineage"));
        boolean prov = prefersProvJson(accept);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(POSITION_HEADER, Long.toString(position));
        response.setContentType(prov ? ProvJson.MEDIA_TYPE : MediaType.APPLICATION_JSON_VALUE);
        OutputStream out = response.getOutputStream();
        if (prov) {
            ProvJson.write(view, out);
        } else {
            LineageJson.write(view, position, out);
        }
        out.flush();
    }

    /** JSON unless the caller prefers PROV-JSON. */
    private static boolean prefersProvJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.equalsTypeAndSubtype(PROV_JSON)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
