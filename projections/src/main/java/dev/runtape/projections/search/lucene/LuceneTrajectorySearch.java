package dev.runtape.projections.search.lucene;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The search port on a Lucene index in a local directory: the embedded default, no server. Keyword fields are
 * indexed as exact terms with sorted-set doc values (filters, facets, sort), numbers as points with numeric doc
 * values, the steps' text with the standard analyzer, stored for highlighting. The whole document is stored as JSON
 * ({@link DocumentSource}) in {@code _source}, so a redaction rewrites it without the step. Every write commits and
 * refreshes the searcher before it returns.
 */
public final class LuceneTrajectorySearch implements TrajectorySearch {

    static final String KEY = "_key";
    static final String SOURCE = "_source";
    static final String TEXT = "text";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneTrajectorySearch(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens (or creates) the index in {@code folder}. One process at a time: Lucene's write lock refuses a second.
     *
     * @throws SearchException when the folder cannot be opened or is locked by another writer
     */
    public static LuceneTrajectorySearch open(Path folder) throws SearchException {
        try {
            return new LuceneTrajectorySearch(FSDirectory.open(folder));
        } catch (IOException e) {
            throw new SearchException(folder + ": cannot open the search index: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void indexAll(Collection<TrajectoryDocument> documents) throws SearchException {
        Map<String, TrajectoryDocument> byKey = new LinkedHashMap<>(); // the last of a key wins, as in sequence
        for (TrajectoryDocument document : documents) {
            byKey.put(IndexKeys.of(document.tenant(), document.id()), document);
        }
        try {
            // The writer takes documents from several threads at once, each into a segment of its own: making and
            // inverting the documents is most of a replay's indexing, and a single thread would leave a core idle.
            byKey.entrySet().parallelStream().forEach(keyed -> {
                try {
                    writer.updateDocument(new Term(KEY, keyed.getKey()), luceneDocument(keyed.getValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            commit();
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new SearchException("cannot index " + documents.size() + " documents: " + cause.getMessage(), cause);
        }
    }

    @Override
    public Optional<TrajectoryDocument> find(String tenant, String id) throws SearchException {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(KEY, IndexKeys.of(tenant, id))), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(source(searcher, top.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new SearchException("cannot read trajectory " + id + ": " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public synchronized boolean removeStepText(String tenant, String id, long step) throws SearchException {
        Optional<TrajectoryDocument> document = find(tenant, id);
        if (document.isEmpty()) {
            return false;
        }
        index(document.get().withoutStepText(step));
        return true;
    }

    @Override
    public synchronized boolean delete(String tenant, String id) throws SearchException {
        try {
            boolean present = find(tenant, id).isPresent();
            writer.deleteDocuments(new Term(KEY, IndexKeys.of(tenant, id)));
            commit();
            return present;
        } catch (IOException e) {
            throw new SearchException("cannot delete trajectory " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void clear() throws SearchException {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new SearchException("cannot clear the search index: " + e.getMessage(), e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query) throws SearchException {
        SearchCursor after = query.check();
        Query text = textQuery(query);
        Query matches = matches(query, text);
        Sort sort = sort(query.sort());
        IndexSearcher searcher = acquire();
        try {
            TopFieldDocs top = searcher.searchAfter(after == null ? null : fieldDoc(after, searcher), matches,
                    query.pageSize() + 1, sort, true);
            int shown = Math.min(top.scoreDocs.length, query.pageSize());
            int[] docs = new int[shown];
            for (int i = 0; i < shown; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            List<List<String>> highlights = text == null ? null
                    : Highlights.of(searcher, analyzer, TEXT, text, docs);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                FieldDoc hit = (FieldDoc) top.scoreDocs[i];
                hits.add(new SearchHit(((BytesRef) hit.fields[1]).utf8ToString(), hit.score,
                        highlights == null ? List.of() : highlights.get(i)));
            }
            String next = top.scoreDocs.length > query.pageSize()
                    ? cursor(query.sort(), (FieldDoc) top.scoreDocs[shown - 1]).encode() : null;
            Map<String, Map<String, Long>> facets = query.facets().isEmpty() ? Map.of()
                    : searcher.search(matches, new FacetCounts(query.facets().stream().map(SearchField::name)
                            .toList()));
            return new SearchPage(searcher.count(matches), hits, facets, next);
        } catch (IOException e) {
            throw new SearchException("cannot search: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public synchronized void close() throws SearchException {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new SearchException("cannot close the search index: " + e.getMessage(), e);
        }
    }

    private @Nullable Query textQuery(SearchQuery query) {
        if (!query.hasText()) {
            return null;
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT);
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(query.text());
        // The simple syntax never fails: text that analyses to nothing (only punctuation) matches nothing.
        return parsed == null ? new MatchNoDocsQuery("no terms in the text") : parsed;
    }

    /** The query's filters and text, always inside the query's tenant. */
    private static Query matches(SearchQuery query, @Nullable Query text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new TermQuery(new Term(SearchField.TENANT.name(), query.tenant())), Occur.FILTER);
        if (text != null) {
            all.add(text, Occur.MUST);
        }
        for (SearchFilter filter : query.filters()) {
            all.add(filter(filter), Occur.FILTER);
        }
        return all.build();
    }

    private static Query filter(SearchFilter filter) {
        String field = filter.field().name();
        return switch (filter) {
            case SearchFilter.Terms terms -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String value : terms.values()) {
                    any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
                }
                yield any.setMinimumNumberShouldMatch(1).build();
            }
            case SearchFilter.Range range -> LongPoint.newRangeQuery(field,
                    range.from() == null ? Long.MIN_VALUE : range.from(),
                    range.to() == null ? Long.MAX_VALUE : range.to());
        };
    }

    /** The query's sort, then the id: a total order, so search-after neither repeats nor skips. */
    private static Sort sort(SearchSort sort) {
        SortField first = switch (sort.field().type()) {
            case SCORE -> new SortField(null, SortField.Type.SCORE, !sort.descending());
            case KEYWORD -> new SortedSetSortField(sort.field().name(), sort.descending());
            case LONG -> new SortField(sort.field().name(), SortField.Type.LONG, sort.descending(),
                    sort.descending() ? Long.MIN_VALUE : Long.MAX_VALUE); // a missing value sorts last
        };
        return new Sort(first, new SortedSetSortField(SearchField.ID.name(), false));
    }

    private static FieldDoc fieldDoc(SearchCursor cursor, IndexSearcher searcher) {
        Object value = switch (cursor.value()) {
            case Double score -> score.floatValue();
            case String keyword -> new BytesRef(keyword);
            default -> cursor.value();
        };
        // The id ends every sort, so only the cursor's own hit sorts equal to it; Lucene then takes the docs numbered
        // above the cursor's: the highest number there is keeps that hit out whatever its number.
        int last = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
        return new FieldDoc(last, Float.NaN, new Object[] {value, new BytesRef(cursor.id())});
    }

    private static SearchCursor cursor(SearchSort sort, FieldDoc last) {
        Object value = switch (last.fields[0]) {
            case Float score -> (double) score;
            case BytesRef keyword -> keyword.utf8ToString();
            default -> last.fields[0];
        };
        return new SearchCursor(sort, value, ((BytesRef) last.fields[1]).utf8ToString());
    }

    private static Document luceneDocument(TrajectoryDocument document) throws IOException {
        Document lucene = new Document();
        lucene.add(new StringField(KEY, IndexKeys.of(document.tenant(), document.id()), Field.Store.NO));
        Map<String, Object> source = DocumentSource.toMap(document);
        lucene.add(new StoredField(SOURCE, JSON.writeValueAsBytes(source)));
        for (SearchField field : SearchField.keywords()) {
            for (String value : values(source.get(field.name()))) {
                lucene.add(new StringField(field.name(), value, Field.Store.NO));
                lucene.add(new SortedSetDocValuesField(field.name(), new BytesRef(value)));
            }
        }
        for (SearchField field : SearchField.numbers()) {
            if (!(source.get(field.name()) instanceof Number number)) {
                continue; // absent (no start time, no duration): no range matches it, it sorts last
            }
            long value = number.longValue();
            lucene.add(new LongPoint(field.name(), value));
            lucene.add(new NumericDocValuesField(field.name(), value));
        }
        for (TrajectoryDocument.TextPart part : document.text()) {
            lucene.add(new TextField(TEXT, part.text(), Field.Store.YES));
        }
        return lucene;
    }

    private static List<String> values(@Nullable Object value) {
        return switch (value) {
            case null -> List.of();
            case String text -> List.of(text);
            case List<?> list -> list.stream().map(String.class::cast).toList();
            default -> throw new IllegalStateException("a keyword field holds " + value);
        };
    }

    private static TrajectoryDocument source(IndexSearcher searcher, int doc) throws IOException, SearchException {
        BytesRef bytes = searcher.storedFields().document(doc).getBinaryValue(SOURCE);
        return DocumentSource.fromMap(JSON.readValue(bytes.bytes, bytes.offset, bytes.length, MAP));
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private IndexSearcher acquire() throws SearchException {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new SearchException("cannot open a searcher: " + e.getMessage(), e);
        }
    }

    private void release(IndexSearcher searcher) throws SearchException {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new SearchException("cannot release a searcher: " + e.getMessage(), e);
        }
    }
}
