/** The search port on Elasticsearch. */
@NullMarked
package dev.runtape.projections.search.elasticsearch;

import org.jspecify.annotations.NullMarked;
