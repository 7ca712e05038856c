/**
 * The lineage projection: the log read as a W3C PROV graph of entities (task prompts, trajectories, steps, artifacts,
 * QA records, labels, dataset versions, exports), activities (executions, QA checks, reviews, labelling, redactions,
 * exports) and agents (operators, agents, models, reviewers, service principals), one graph per tenant.
 * {@link dev.runtape.projections.lineage.LineageBuilder} turns one event into graph updates (pure);
 * {@link dev.runtape.projections.lineage.LineageStore} holds the graphs; {@link
 * dev.runtape.projections.lineage.LineageProjection} follows the log into the store and replays it from position 0.
 */
@NullMarked
package dev.runtape.projections.lineage;

import org.jspecify.annotations.NullMarked;
