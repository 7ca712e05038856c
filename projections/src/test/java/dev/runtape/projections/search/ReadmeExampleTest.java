package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.projections.search.lucene.LuceneTrajectorySearch;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of projections/README.md, compiled and run, so the README cannot rot. */
class ReadmeExampleTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theReadmeExampleRuns() throws Exception {
        ImportedTrajectory importedTrajectory = ImportFormats.detector()
                .read(SourceFile.read(SharedFiles.sample("swe-agent/pydicom__pydicom-1458.traj")), null);
        SearchPage page;
        SearchPage next;
        // As in the README:
        try (TrajectorySearch search = LuceneTrajectorySearch.open(dataDirectory.resolve("search"))) {
            search.indexAll(TrajectoryDocuments.withChildren("acme", importedTrajectory));
            SearchQuery query = SearchParameters.parse("acme", Map.of(
                    "q", List.of("traceback"), "outcome", List.of("failure,aborted,unknown"),
                    "facet", List.of("tool", "model"), "sort", List.of("-started"), "size", List.of("50")));
            page = search.search(query);
            next = page.next() == null ? null : search.search(query.after(page.next()));
        }

        assertThat(page.ids()).containsExactly(importedTrajectory.trajectoryId());
        assertThat(page.facets().get("model")).containsOnlyKeys(importedTrajectory.model().id());
        assertThat(next).isNull();
    }
}
