package dev.runtape.api.admin;

import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.api.search.SearchIndex;
import dev.runtape.projections.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/projections/lineage} and {@code /search}: how far the lineage projection (or the search index) has read (position, the log's last
 * position, lag, replays). {@code POST /admin/projections/lineage/replay} (and {@code search/replay}): rebuild it from position 0 while the
 * service runs, answered 202 at once; the progress shows the replay.
 */
@RestController
public class ProjectionController {

    private final LineageProjection lineage;
    private final SearchIndex search;

    public ProjectionController(LineageProjection lineage, SearchIndex search) {
        this.lineage = lineage;
        this.search = search;
    }

    @GetMapping("/admin/projections/search")
    public ProgressView searchProgress() {
        return ProgressView.of(search.projection().progress());
    }

    /** Rebuilds the search index from position 0: its processor's token reset clears it, and it reads the log again. */
    @PostMapping("/admin/projections/search/replay")
    public ResponseEntity<ProgressView> replaySearch() {
        search.projection().reset();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ProgressView.of(search.projection().progress()));
    }

    @GetMapping("/admin/projections/lineage")
    public ProgressView progress() {
        return ProgressView.of(lineage.progress());
    }

    @PostMapping("/admin/projections/lineage/replay")
    public ResponseEntity<ProgressView> replay() {
        lineage.reset();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ProgressView.of(lineage.progress()));
    }

    /** A projection's progress as the API writes it. */
    public record ProgressView(String projection, long position, long lastPosition, long lag, long replays) {

        static ProgressView of(ProjectionProgress progress) {
            return new ProgressView(progress.projection(), progress.position(), progress.lastPosition(),
                    progress.lag(), progress.replays());
        }
    }
}
