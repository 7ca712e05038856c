package dev.runtape.projections.search;

import java.util.List;

/**
 * One trajectory a search found.
 *
 * @param score its relevance to the free text, as the engine computed it (engines differ: compare within a page)
 * @param highlights passages of its text that match the free text, the matches between {@code <em>} and
 *     {@code </em>}; none without free text. The text is as stored, not HTML-escaped.
 */
public record SearchHit(String id, double score, List<String> highlights) {

    public SearchHit {
        highlights = List.copyOf(highlights);
    }
}
