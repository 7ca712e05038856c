package dev.runtape.projections.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.projections.search.DocumentAt;
import dev.runtape.projections.search.SampleTrajectoriesAccess;
import dev.runtape.projections.search.SearchException;
import dev.runtape.projections.search.SearchQuery;
import dev.runtape.projections.search.TrajectoryDocument;
import dev.runtape.projections.search.TrajectorySearch;
import dev.runtape.projections.search.TrajectorySearchContract;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real Elasticsearch node, a new index per test, dropped after it. */
@ExtendWith(ElasticsearchNode.class)
class ElasticsearchTrajectorySearchTest extends TrajectorySearchContract {

    private String index;

    @Override
    protected TrajectorySearch newSearch() throws Exception {
        index = "trajectories-" + UUID.randomUUID();
        return ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(), index);
    }

    @AfterEach
    void dropTheIndex() throws Exception {
        try (ElasticsearchTrajectorySearch search = ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(),
                index)) {
            assertThat(search.dropIndex()).isTrue();
            assertThat(search.dropIndex()).isFalse();
        }
    }

    @Test
    void anIndexOpenedAgainKeepsItsDocuments() throws Exception {
        String other = "trajectories-" + UUID.randomUUID();
        int documents = SampleTrajectoriesAccess.documents("acme").size();
        try (ElasticsearchTrajectorySearch first = ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(),
                other)) {
            first.indexAll(SampleTrajectoriesAccess.documents("acme"));
        }
        try (ElasticsearchTrajectorySearch again = ElasticsearchTrajectorySearch.connect(ElasticsearchNode.url(),
                other)) {
            assertThat(again.search(SearchQuery.of("acme")).total()).isEqualTo(documents);
            assertThat(again.dropIndex()).isTrue();
        }
    }

    @Test
    void aDocumentFromAnEarlierLogPositionDoesNotOverwriteALaterOne() throws Exception {
        TrajectoryDocument withText = SampleTrajectoriesAccess.documents("acme").stream()
                .filter(document -> !document.text().isEmpty()).findFirst().orElseThrow();
        TrajectoryDocument redacted = new TrajectoryDocument(withText.tenant(), withText.id(), withText.task(),
                withText.taskFamily(), withText.sourceFormat(), withText.outcome(), withText.qaStatus(),
                withText.labels(), withText.operator(), withText.agent(), withText.model(), withText.repository(),
                withText.tools(), withText.started(), withText.durationMs(), withText.stepCounts(), List.of());
        try (TrajectorySearch search = newSearch()) {
            // One node indexed the redaction (position 12); another, behind, writes what it read before it.
            search.indexAllAt(List.of(new DocumentAt(redacted, 12)));
            search.indexAllAt(List.of(new DocumentAt(withText, 11)));
            assertThat(search.find(withText.tenant(), withText.id())).hasValueSatisfying(found ->
                    assertThat(found.text()).as("the older state was refused").isEmpty());

            search.indexAllAt(List.of(new DocumentAt(redacted, 12), new DocumentAt(withText, 13)));
            assertThat(search.find(withText.tenant(), withText.id())).hasValueSatisfying(found ->
                    assertThat(found.text()).as("the same position again, then a later one").isNotEmpty());
        }
    }

    @Test
    void aClusterThatIsNotThereIsASearchException() {
        assertThatThrownBy(() -> ElasticsearchTrajectorySearch.connect("http://127.0.0.1:1", "trajectories"))
                .isInstanceOf(SearchException.class).hasMessageStartingWith("http://127.0.0.1:1: cannot open the "
                        + "search index trajectories: ");
    }
}
