/**
 * The ledger's domain on Axon: one aggregate per stream kind (task, operator, trajectory, dataset), each in its own
 * package with its commands and the events of the catalogue (DESIGN.md). Event records are the statement payloads:
 * their names are the event types and their components map to the kebab-case members of events.cddl.
 *
 * <p>Every broken invariant is a {@link dev.runtape.ledger.domain.RuleViolation} naming the {@link
 * dev.runtape.ledger.domain.Rule} it broke, so callers (the HTTP API) can answer each with its own stable type.
 */
@NullMarked
package dev.runtape.ledger.domain;

import org.jspecify.annotations.NullMarked;
