package dev.runtape.api.admin;

import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.projections.lineage.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/projections/lineage}: how far the lineage projection has read (position, the log's last
 * position, lag, replays). {@code POST /admin/projections/lineage/replay}: rebuild it from position 0 while the
 * service runs, answered 202 at once; the progress shows the replay.
 */
@RestController
public class ProjectionController {

    private final LineageProjection lineage;

    public ProjectionController(LineageProjection lineage) {
        this.lineage = lineage;
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
