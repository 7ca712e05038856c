package dev.runtape.projections.search.lucene;

import dev.runtape.projections.search.TrajectorySearch;
import dev.runtape.projections.search.TrajectorySearchContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a Lucene index in a fresh temporary directory per test. */
class LuceneTrajectorySearchTest extends TrajectorySearchContract {

    @TempDir
    Path folder;

    @Override
    protected TrajectorySearch newSearch() throws Exception {
        return LuceneTrajectorySearch.open(folder.resolve("index"));
    }
}
