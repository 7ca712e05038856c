/**
 * mini-swe-agent's trajectories: a bare list of messages (before {@code trajectory_format}), and the object with
 * {@code info}, {@code messages} and {@code trajectory_format}.
 */
@NullMarked
package dev.runtape.ledger.importer.miniswe;

import org.jspecify.annotations.NullMarked;
