package dev.runtape.projections.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.projections.search.SearchException;
import dev.runtape.projections.search.SearchQuery;
import dev.runtape.projections.search.TrajectorySearch;
import dev.runtape.projections.search.TrajectorySearchContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real Elasticsearch node, a new index per test. */
@ExtendWith(ElasticsearchNode.class)
class ElasticsearchTrajectorySearchTest extends TrajectorySearchContract {

    @Override
    protected TrajectorySearch newSearch() throws Exception {
        return ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(), "trajectories-" + UUID.randomUUID());
    }

    @Test
    void anIndexOpenedAgainKeepsItsDocuments() throws Exception {
        String index = "trajectories-" + UUID.randomUUID();
        try (TrajectorySearch first = ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(), index)) {
            first.indexAll(dev.runtape.projections.search.SampleTrajectoriesAccess.documents("acme"));
        }
        try (TrajectorySearch again = ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(), index)) {
            assertThat(again.search(SearchQuery.of("acme")).total())
                    .isEqualTo(dev.runtape.projections.search.SampleTrajectoriesAccess.documents("acme").size());
        }
    }

    @Test
    void aClusterThatIsNotThereIsASearchException() {
        assertThatThrownBy(() -> ElasticsearchTrajectorySearch.connect("http://127.0.0.1:1", "trajectories"))
                .isInstanceOf(SearchException.class).hasMessageStartingWith("http://127.0.0.1:1: cannot open the "
                        + "search index trajectories: ");
    }
}
