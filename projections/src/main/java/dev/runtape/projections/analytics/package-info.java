/**
 * Trajectory analytics: how a run went, not only how it ended. Computed from the steps alone (imported or stored),
 * so any trajectory can be analysed again after the rules change; aggregates per agent and per model.
 */
@NullMarked
package dev.runtape.projections.analytics;

import org.jspecify.annotations.NullMarked;
