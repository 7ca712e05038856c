/**
 * ATIF, the Agent Trajectory Interchange Format of Harbor and Terminal-Bench ({@code trajectory.json}, v1.4 to v1.7):
 * steps of system, user and agent, tool calls with their observations, and references to sub-trajectories and
 * continuations in files beside it.
 */
@NullMarked
package dev.runtape.ledger.importer.atif;

import org.jspecify.annotations.NullMarked;
