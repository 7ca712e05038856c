/** The dataset aggregate: admitted trajectories, splits, policy, and sealed, delivered exports. */
@NullMarked
package dev.runtape.ledger.domain.dataset;

import org.jspecify.annotations.NullMarked;
