package dev.runtape.projections.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Passages of the stored text that match the free text, as Elasticsearch's highlighter marks them. */
final class Highlights {

    static final int PASSAGES = 3;
    private static final int MAX_LENGTH = 1_000_000;

    private Highlights() {
    }

    /** For each document, its passages in text order, each match between {@code <em>} and {@code </em>}. */
    static List<List<String>> of(IndexSearcher searcher, Analyzer analyzer, String field, Query query, int[] docs)
            throws IOException {
        Object[] found = new ListHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new ListFormatter()).withMaxLength(MAX_LENGTH))
                .highlight(field, query, docs);
        List<List<String>> highlights = new ArrayList<>();
        for (Object passages : found) {
            highlights.add(passages == null ? List.of() : ((PassageList) passages).passages());
        }
        return highlights;
    }

    private record PassageList(List<String> passages) {
    }

    /** Exposes the highlighter's objects, so passages stay apart instead of joined into one string. */
    private static final class ListHighlighter extends UnifiedHighlighter {

        ListHighlighter(Builder builder) {
            super(builder);
        }

        Object[] highlight(String field, Query query, int[] docs) throws IOException {
            int[] maxPassages = new int[] {PASSAGES};
            return highlightFieldsAsObjects(new String[] {field}, query, docs, maxPassages).get(field);
        }
    }

    private static final class ListFormatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> formatted = new ArrayList<>();
            Passage[] inOrder = passages.clone();
            Arrays.sort(inOrder, (a, b) -> Integer.compare(a.getStartOffset(), b.getStartOffset()));
            for (Passage passage : inOrder) {
                StringBuilder text = new StringBuilder();
                int at = passage.getStartOffset();
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int start = Math.max(at, passage.getMatchStarts()[i]);
                    int end = passage.getMatchEnds()[i];
                    if (end <= start) {
                        continue;
                    }
                    text.append(content, at, start).append("<em>").append(content, start, end).append("</em>");
                    at = end;
                }
                text.append(content, at, passage.getEndOffset());
                // Lucene joins a field's values with U+2029: a passage across two steps shows a space between them.
                formatted.add(text.toString().replace('\u2029', ' ').strip());
            }
            return new PassageList(formatted);
        }
    }
}
