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
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The service's search index: Lucene under {@code DATA/search/} or an Elasticsearch index ({@code runtape.search}),
 * fed by a {@link SearchProjection} that a thread of its own keeps within half a second of the log, and that a search
 * or a redaction first brings up to the log's end, so each sees what was committed before it.
 */
@Component
public class SearchIndex implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    private final TrajectorySearch search;
    private final SearchProjection projection;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "runtape-projection-search");
        thread.setDaemon(true);
        return thread;
    });

    public SearchIndex(LedgerNode node, RuntapeProperties properties) throws IOException, SearchException {
        Path folder = Files.createDirectories(node.settings().dataDirectory().resolve("search"));
        this.search = open(properties.search(), folder);
        // 10,000 entries a cycle: a rebuild commits the index less often (ReplayBenchmark, docs/benchmarks.md)
        this.projection = new SearchProjection(node.log(), node.disclosures(), search, folder.resolve("position"),
                10_000);
        follower.scheduleWithFixedDelay(this::follow, 0, 500, TimeUnit.MILLISECONDS);
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

    private void follow() {
        try {
            projection.catchUp();
        } catch (SearchException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the search projection failed a cycle; it tries again", e);
        }
    }

    /** The index, brought up to everything the log held when asked. */
    public TrajectorySearch current() throws SearchException {
        projection.catchUp();
        return search;
    }

    public SearchProjection projection() {
        return projection;
    }

    @Override
    public void close() throws Exception {
        follower.shutdownNow();
        follower.awaitTermination(10, TimeUnit.SECONDS);
        search.close();
    }
}
