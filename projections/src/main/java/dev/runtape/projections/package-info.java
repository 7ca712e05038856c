/**
 * Read models rebuilt from the log: lineage, provenance audits and the search index (the projections issue).
 */
@NullMarked
package dev.runtape.projections;

import org.jspecify.annotations.NullMarked;
