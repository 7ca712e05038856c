package dev.runtape.projections.search;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The search index of trajectories. A document is keyed by tenant and id: the same trajectory id in two tenants is two
 * documents. Every write is visible to the searches that start after it returns. Every read is confined to one
 * tenant by the adapter itself, whatever the query's filters say.
 */
public interface TrajectorySearch extends AutoCloseable {

    /** Adds the document, or replaces the one of the same tenant and id whole. */
    default void index(TrajectoryDocument document) throws SearchException {
        indexAll(List.of(document));
    }

    /** Adds or replaces several documents with one write (one refresh). */
    void indexAll(Collection<TrajectoryDocument> documents) throws SearchException;

    /**
     * As {@link #indexAll}, but a document is not written over one the index holds from a later log position: writers
     * that share one index (nodes feeding it each from the log) then never put an older state of a trajectory, say its
     * text from before a redaction, over a newer one. An index with one writer may ignore the positions, as this
     * default does.
     */
    default void indexAllAt(Collection<DocumentAt> documents) throws SearchException {
        indexAll(documents.stream().map(DocumentAt::document).toList());
    }

    /** The document as indexed, or empty when the tenant has none of that id. */
    Optional<TrajectoryDocument> find(String tenant, String id) throws SearchException;

    /**
     * Removes the text of one step from the index, for a redaction: afterwards no search finds the document by that
     * text, and no highlight shows it; its other fields and steps are still found.
     *
     * @return whether the tenant has the document (a missing one is nothing to redact)
     */
    boolean removeStepText(String tenant, String id, long step) throws SearchException;

    /** Removes the document; whether there was one. */
    boolean delete(String tenant, String id) throws SearchException;

    /** Removes every document of every tenant: the start of a rebuild from position 0 of the log. */
    void clear() throws SearchException;

    /**
     * One page of the tenant's trajectories that match.
     *
     * @throws InvalidQueryException when {@link SearchQuery#check()} refuses the query
     */
    SearchPage search(SearchQuery query) throws SearchException;

    @Override
    void close() throws SearchException;
}
