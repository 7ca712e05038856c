package dev.runtape.api.search;

import dev.runtape.api.server.RuntapeProperties;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.search.SearchException;
import dev.runtape.projections.search.SearchProjection;
import dev.runtape.projections.search.TrajectorySearch;
import dev.runtape.projections.search.elasticsearch.ElasticsearchTrajectorySearch;
import dev.runtape.projections.search.lucene.LuceneTrajectorySearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The service's search index: Lucene under {@code DATA/search/} or an Elasticsearch index ({@code runtape.search}),
 * fed by a {@link SearchProjection} on an Axon tracking processor that follows the log, and that a search or a
 * redaction first waits for to reach the log's end, so each sees what was committed before it.
 */
@Component
public class SearchIndex implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());
    /** How long a search waits for the index to reach the log's end. */
    private static final Duration FRESHNESS = Duration.ofSeconds(10);

    private final TrajectorySearch search;
    private final SearchProjection projection;
    public SearchIndex(LedgerNode node, RuntapeProperties properties) throws IOException, SearchException {
        Path folder = Files.createDirectories(node.settings().dataDirectory().resolve("search"));
        this.search = open(properties.search(), folder);
        // 10,000 entries a batch: a rebuild commits the index less often (ReplayBenchmark, docs/benchmarks.md)
        this.projection = new SearchProjection(node.log(), node.axon().eventStore(), node.disclosures(), search,
                folder.resolve("position"), 10_000);
        projection.start();
    }

    /**
     * The index {@code runtape.search} names. Nodes sharing an Elasticsearch index each feed it from the log, with a
     * position of their own: a document is written from the whole trajectory, so the writes agree.
     */
    private static TrajectorySearch open(RuntapeProperties.Search settings, Path folder) throws SearchException {
        return switch (settings.kind().toLowerCase(Locale.ROOT)) {
            case "lucene" -> LuceneTrajectorySearch.open(folder.resolve("index"));
            case "elasticsearch" -> {
                String url = settings.elasticsearch().url();
                if (url == null || url.isBlank()) {
                    throw new IllegalStateException("runtape.search.kind=elasticsearch needs "
                            + "runtape.search.elasticsearch.url (say http://localhost:9200)");
                }
                yield ElasticsearchTrajectorySearch.connect(url, settings.elasticsearch().index());
            }
            default -> throw new IllegalStateException("runtape.search.kind must be lucene or elasticsearch, not \""
                    + settings.kind() + "\"");
        };
    }

    /**
     * The index, once it holds everything the log held when asked (a client reads its own writes), or after
     * {@link #FRESHNESS} as it is: a rebuild from position 0 can take longer than a request should wait.
     */
    public TrajectorySearch current() throws SearchException {
        try {
            if (!projection.catchUp(FRESHNESS)) {
                LOG.log(System.Logger.Level.INFO, "the search index is behind the log ({0} entries); answering "
                        + "from it as it is", projection.progress().lag());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchException("interrupted while waiting for the search index", e);
        }
        return search;
    }

    public SearchProjection projection() {
        return projection;
    }

    @Override
    public void close() throws Exception {
        projection.close();
        search.close();
    }
}
