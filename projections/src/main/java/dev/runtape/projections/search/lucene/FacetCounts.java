package dev.runtape.projections.search.lucene;

import dev.runtape.projections.search.SearchQuery;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the values of keyword fields over every match, from their sorted-set doc values: a field's values per
 * document are distinct, so a count is the number of documents with that value.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Counter newCollector() {
        return new Counter(fields);
    }

    /** The counts of all slices, each field's most common values first (equal counts by value). */
    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> counters) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String field : fields) {
            Map<String, Long> total = new HashMap<>();
            for (Counter counter : counters) {
                counter.counts.getOrDefault(field, Map.of()).forEach((value, n) -> total.merge(value, n, Long::sum));
            }
            Map<String, Long> top = new LinkedHashMap<>();
            total.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(SearchQuery.FACET_VALUES)
                    .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
            facets.put(field, top);
        }
        return facets;
    }

    static final class Counter implements Collector {

        private final List<String> fields;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();

        Counter(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
            // Ordinals are per segment: count them there, turn them into values once the segment is done.
            long[][] perOrd = new long[fields.size()][];
            for (int i = 0; i < fields.size(); i++) {
                values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
                perOrd[i] = new long[Math.toIntExact(values[i].getValueCount())];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i].advanceExact(doc)) {
                            for (int n = 0; n < values[i].docValueCount(); n++) {
                                perOrd[i][Math.toIntExact(values[i].nextOrd())]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        Map<String, Long> field = counts.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        for (int ord = 0; ord < perOrd[i].length; ord++) {
                            if (perOrd[i][ord] > 0) {
                                field.merge(values[i].lookupOrd(ord).utf8ToString(), perOrd[i][ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
