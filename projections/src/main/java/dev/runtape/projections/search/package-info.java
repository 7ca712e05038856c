/**
 * The search port: {@link dev.runtape.projections.search.TrajectorySearch} finds trajectories of one tenant by
 * their fields and the text of their steps. The adapters are in {@code lucene} (the embedded default, a local
 * directory) and {@code elasticsearch} (a cluster); one contract test suite runs against both.
 */
@NullMarked
package dev.runtape.projections.search;

import org.jspecify.annotations.NullMarked;
