/**
 * SWE-agent's {@code .traj} files, in both shapes: the 0.x shape (actions parsed from the reply's text) and the 1.x
 * function-calling shape (tool calls kept in the history, partly as Python literals).
 */
@NullMarked
package dev.runtape.ledger.importer.sweagent;

import org.jspecify.annotations.NullMarked;
