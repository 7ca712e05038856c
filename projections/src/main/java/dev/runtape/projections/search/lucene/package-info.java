/** The search port on Lucene. */
@NullMarked
package dev.runtape.projections.search.lucene;

import org.jspecify.annotations.NullMarked;
