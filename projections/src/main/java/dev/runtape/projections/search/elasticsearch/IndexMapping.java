package dev.runtape.projections.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import dev.runtape.projections.search.DocumentSource;
import dev.runtape.projections.search.SearchField;

/**
 * The index's mapping, the same fields as the Lucene adapter's: keywords for exact values (filters, facets, sort),
 * longs for numbers, the steps' text under {@code parts.text} with the standard analyzer. Not dynamic: a field the
 * port does not define stays in {@code _source} but is not indexed.
 */
final class IndexMapping {

    static final String TEXT = DocumentSource.PARTS + ".text";

    private IndexMapping() {
    }

    static TypeMapping mapping() {
        TypeMapping.Builder mapping = new TypeMapping.Builder().dynamic(DynamicMapping.False);
        for (SearchField field : SearchField.keywords()) {
            mapping.properties(field.name(), property -> property.keyword(keyword -> keyword));
        }
        for (SearchField field : SearchField.numbers()) {
            mapping.properties(field.name(), property -> property.long_(number -> number));
        }
        mapping.properties(DocumentSource.PARTS, property -> property.object(parts -> parts
                .properties("step", step -> step.long_(number -> number.index(false).docValues(false)))
                .properties("text", text -> text.text(analysed -> analysed.analyzer("standard")))));
        return mapping.build();
    }
}
