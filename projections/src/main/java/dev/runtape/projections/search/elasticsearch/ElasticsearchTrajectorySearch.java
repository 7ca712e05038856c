package dev.runtape.projections.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.NamedValue;
import dev.runtape.projections.search.DocumentAt;
import dev.runtape.projections.search.DocumentSource;
import dev.runtape.projections.search.IndexKeys;
import dev.runtape.projections.search.SearchCursor;
import dev.runtape.projections.search.SearchException;
import dev.runtape.projections.search.SearchField;
import dev.runtape.projections.search.SearchFilter;
import dev.runtape.projections.search.SearchHit;
import dev.runtape.projections.search.SearchPage;
import dev.runtape.projections.search.SearchQuery;
import dev.runtape.projections.search.SearchSort;
import dev.runtape.projections.search.TrajectoryDocument;
import dev.runtape.projections.search.TrajectorySearch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.http.HttpHost;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.jspecify.annotations.Nullable;

/**
 * The search port on an Elasticsearch index (8.19), through the official Java client. The adapter creates the index
 * with its mapping ({@link IndexMapping}) when it is missing. Documents are keyed {@link IndexKeys} and kept whole as
 * {@code _source}; every write refreshes before it returns, so the next search sees it (batch writes with
 * {@link #indexAll}). Facets are terms aggregations, highlights the unified highlighter's, deep pages
 * {@code search_after} on the sort and then the id.
 */
public final class ElasticsearchTrajectorySearch implements TrajectorySearch {

    /** What Elasticsearch answers a write older than the document it holds. */
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    /** Enough for a few writers racing on one document; each attempt that loses waits a little longer. */
    private static final int REDACTION_ATTEMPTS = 30;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String index;

    private ElasticsearchTrajectorySearch(RestClient rest, String index) {
        this.rest = rest;
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.index = index;
    }

    /**
     * Connects to the cluster at {@code url} (e.g. {@code http://127.0.0.1:9200}, or several nodes separated by commas,
     * which the client takes turns with and skips while one is down) and creates {@code index} with one shard when it
     * does not exist: one shard keeps scores and facet counts exact; a cluster that needs more creates
     * the index itself with the same mapping.
     *
     * @throws SearchException when the cluster cannot be reached or refuses the index
     */
    public static ElasticsearchTrajectorySearch connect(String url, String index) throws SearchException {
        ElasticsearchTrajectorySearch search = new ElasticsearchTrajectorySearch(
                RestClient.builder(Arrays.stream(url.split(",")).map(String::strip).map(HttpHost::create)
                        .toArray(HttpHost[]::new)).build(), index);
        try {
            search.createIfMissing();
            return search;
        } catch (IOException | ElasticsearchException e) {
            search.closeQuietly();
            throw new SearchException(url + ": cannot open the search index " + index + ": " + e.getMessage(), e);
        }
    }

    private void createIfMissing() throws IOException {
        if (!client.indices().exists(exists -> exists.index(index)).value()) {
            client.indices().create(create -> create.index(index)
                    .settings(settings -> settings.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(IndexMapping.mapping()));
        }
    }

    /** Drops the index and creates it empty again, with its mapping. */
    @Override
    public void clear() throws SearchException {
        dropIndex();
        try {
            createIfMissing();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot create the search index " + index + " again: " + e.getMessage(), e);
        }
    }

    @Override
    public void indexAll(Collection<TrajectoryDocument> documents) throws SearchException {
        bulk(documents.stream().map(document -> write(document, null)).toList());
    }

    /**
     * Each document with the log position as its external version ({@code external_gte}): Elasticsearch refuses a
     * write at a lower version than the one it holds, and that refusal is the point, not a failure. Equal versions are
     * the same state, written again by another node.
     */
    @Override
    public void indexAllAt(Collection<DocumentAt> documents) throws SearchException {
        bulk(documents.stream().map(at -> write(at.document(), at.position())).toList());
    }

    /** The bulk operation that writes {@code document} whole, at {@code version} when one is given. */
    private static BulkOperation write(TrajectoryDocument document, @Nullable Long version) {
        return BulkOperation.of(operation -> operation.index(write -> {
            write.id(IndexKeys.of(document.tenant(), document.id())).document(DocumentSource.toMap(document));
            return version == null ? write : write.version(version).versionType(VersionType.ExternalGte);
        }));
    }

    private void bulk(List<BulkOperation> operations) throws SearchException {
        if (operations.isEmpty()) {
            return;
        }
        int documents = operations.size();
        try {
            BulkResponse response = client.bulk(bulk -> bulk.index(index).refresh(Refresh.True)
                    .operations(operations));
            if (response.errors()) {
                Optional<String> first = response.items().stream()
                        .filter(item -> item.error() != null && !VERSION_CONFLICT.equals(item.error().type()))
                        .map(item -> item.id() + ": " + item.error().reason()).findFirst();
                if (first.isPresent()) {
                    throw new SearchException("cannot index " + documents + " documents: " + first.get());
                }
            }
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot index " + documents + " documents: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<TrajectoryDocument> find(String tenant, String id) throws SearchException {
        Stored stored = get(tenant, id);
        return stored == null ? Optional.empty() : Optional.of(DocumentSource.fromMap(stored.source()));
    }

    @Override
    public boolean removeStepText(String tenant, String id, long step) throws SearchException {
        // Read, drop the step, write back only if nobody wrote in between; otherwise read again.
        for (int attempt = 1; attempt <= REDACTION_ATTEMPTS; attempt++) {
            Stored read = get(tenant, id);
            if (read == null) {
                return false;
            }
            TrajectoryDocument redacted = DocumentSource.fromMap(read.source()).withoutStepText(step);
            try {
                client.index(write -> write.index(index).id(IndexKeys.of(tenant, id))
                        .ifSeqNo(read.seqNo()).ifPrimaryTerm(read.primaryTerm())
                        .document(DocumentSource.toMap(redacted)).refresh(Refresh.True));
                return true;
            } catch (IOException | ElasticsearchException e) {
                if (!conflict(e) || attempt == REDACTION_ATTEMPTS) {
                    throw new SearchException("cannot redact step " + step + " of " + id + ": " + e.getMessage(), e);
                }
                backOff(attempt);
            }
        }
        throw new IllegalStateException("unreachable: the last attempt returns or throws");
    }

    @Override
    public boolean delete(String tenant, String id) throws SearchException {
        try {
            return client.delete(delete -> delete.index(index).id(IndexKeys.of(tenant, id)).refresh(Refresh.True))
                    .result() == Result.Deleted;
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot delete trajectory " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query) throws SearchException {
        SearchCursor after = query.check();
        SearchRequest.Builder request = new SearchRequest.Builder().index(index).query(matches(query))
                .size(query.pageSize() + 1).trackTotalHits(total -> total.enabled(true)).trackScores(true)
                .source(source -> source.fetch(false)).sort(sort(query.sort()));
        if (after != null) {
            request.searchAfter(value(after.value()), FieldValue.of(after.id()));
        }
        for (SearchField facet : query.facets()) {
            request.aggregations(facet.name(), aggregation -> aggregation.terms(terms -> terms.field(facet.name())
                    .size(SearchQuery.FACET_VALUES)
                    .order(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))));
        }
        if (query.hasText()) {
            request.highlight(highlight -> highlight.preTags("<em>").postTags("</em>")
                    .fields(IndexMapping.TEXT, field -> field.numberOfFragments(3)));
        }
        SearchResponse<Void> response;
        try {
            response = client.search(request.build(), Void.class);
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot search: " + e.getMessage(), e);
        }
        List<Hit<Void>> found = response.hits().hits();
        int shown = Math.min(found.size(), query.pageSize());
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Void> hit : found.subList(0, shown)) {
            hits.add(new SearchHit(hit.sort().get(1).stringValue(), hit.score() == null ? Double.NaN : hit.score(),
                    hit.highlight().getOrDefault(IndexMapping.TEXT, List.of())));
        }
        String next = found.size() > query.pageSize() ? cursor(query.sort(), found.get(shown - 1)).encode() : null;
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (SearchField facet : query.facets()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (StringTermsBucket bucket : response.aggregations().get(facet.name()).sterms().buckets().array()) {
                counts.put(bucket.key().stringValue(), bucket.docCount());
            }
            facets.put(facet.name(), counts);
        }
        long total = response.hits().total() == null ? found.size() : response.hits().total().value();
        return new SearchPage(total, hits, facets, next);
    }

    /**
     * Deletes the whole index, for a rebuild from the start of the log; the next {@link #connect} creates it anew.
     *
     * @return whether there was an index to delete
     */
    public boolean dropIndex() throws SearchException {
        try {
            if (!client.indices().exists(exists -> exists.index(index)).value()) {
                return false;
            }
            return client.indices().delete(delete -> delete.index(index)).acknowledged();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot delete the search index " + index + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SearchException {
        try {
            rest.close();
        } catch (IOException e) {
            throw new SearchException("cannot close the connection to the cluster: " + e.getMessage(), e);
        }
    }

    /** A document's source with the sequence number and term that a conditional write names. */
    private record Stored(Map<?, ?> source, long seqNo, long primaryTerm) {
    }

    @SuppressWarnings("rawtypes") // the client reads a source into a class; Map's type arguments are erased anyway
    private @Nullable Stored get(String tenant, String id) throws SearchException {
        try {
            GetResponse<Map> response = client.get(get -> get.index(index).id(IndexKeys.of(tenant, id)), Map.class);
            if (!response.found() || response.source() == null || response.seqNo() == null
                    || response.primaryTerm() == null) {
                return null;
            }
            return new Stored(response.source(), response.seqNo(), response.primaryTerm());
        } catch (IOException | ElasticsearchException e) {
            throw new SearchException("cannot read trajectory " + id + ": " + e.getMessage(), e);
        }
    }

    /** The query's filters and text, always inside the query's tenant. */
    private static Query matches(SearchQuery query) {
        BoolQuery.Builder all = new BoolQuery.Builder();
        all.filter(tenant -> tenant.term(term -> term.field(SearchField.TENANT.name()).value(query.tenant())));
        if (query.hasText()) {
            all.must(text -> text.simpleQueryString(simple -> simple.query(query.text()).fields(IndexMapping.TEXT)
                    .defaultOperator(Operator.And)));
        }
        for (SearchFilter filter : query.filters()) {
            all.filter(filter(filter));
        }
        return all.build()._toQuery();
    }

    private static Query filter(SearchFilter filter) {
        String field = filter.field().name();
        return switch (filter) {
            case SearchFilter.Terms terms -> Query.of(q -> q.terms(any -> any.field(field).terms(values -> values
                    .value(terms.values().stream().map(FieldValue::of).toList()))));
            case SearchFilter.Range range -> Query.of(q -> q.range(r -> r.untyped(bounds -> {
                bounds.field(field);
                if (range.from() != null) {
                    bounds.gte(JsonData.of(range.from()));
                }
                if (range.to() != null) {
                    bounds.lte(JsonData.of(range.to()));
                }
                return bounds;
            })));
        };
    }

    /** The query's sort, then the id: a total order, so search_after neither repeats nor skips. */
    private static List<SortOptions> sort(SearchSort sort) {
        SortOrder order = sort.descending() ? SortOrder.Desc : SortOrder.Asc;
        SortOptions first = switch (sort.field().type()) {
            case SCORE -> SortOptions.of(options -> options.score(score -> score.order(order)));
            case KEYWORD -> SortOptions.of(options -> options.field(field -> field.field(sort.field().name())
                    .order(order)));
            case LONG -> SortOptions.of(options -> options.field(field -> field.field(sort.field().name())
                    .order(order).missing("_last")));
        };
        return List.of(first, SortOptions.of(options -> options.field(field -> field.field(SearchField.ID.name())
                .order(SortOrder.Asc))));
    }

    private static FieldValue value(Object value) {
        return switch (value) {
            case Long number -> FieldValue.of(number);
            case Double score -> FieldValue.of(score);
            default -> FieldValue.of((String) value);
        };
    }

    private static SearchCursor cursor(SearchSort sort, Hit<Void> last) {
        FieldValue value = last.sort().getFirst();
        Object decoded = switch (sort.field().type()) {
            case LONG -> value.isLong() ? value.longValue() : (long) value.doubleValue();
            case SCORE -> value.isDouble() ? value.doubleValue() : (double) value.longValue();
            case KEYWORD -> value.stringValue();
        };
        return new SearchCursor(sort, decoded, last.sort().get(1).stringValue());
    }

    /** Whether the write lost a race: the document changed since it was read (409, a version conflict). */
    private static boolean conflict(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            int status = switch (cause) {
                case ElasticsearchException refused -> refused.status();
                case TransportException transport -> transport.statusCode();
                case ResponseException response -> response.getResponse().getStatusLine().getStatusCode();
                default -> 0;
            };
            if (status == 409) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) throws SearchException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchException("interrupted while redacting", e);
        }
    }

    private void closeQuietly() {
        try {
            rest.close();
        } catch (IOException ignored) {
            // already failing: the caller reports the first problem
        }
    }
}
