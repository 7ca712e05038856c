/**
 * Importers of trajectory files from other tools (SWE-agent, mini-swe-agent, Claude Code, ...): each format reads a
 * file into a neutral {@link dev.runtape.ledger.importer.ImportedTrajectory} whose steps are shaped as steps.cddl
 * with their contents in the clear, {@link dev.runtape.ledger.importer.FormatDetector} tells the formats apart, and
 * {@link dev.runtape.ledger.importer.LedgerImporter} writes a trajectory into a node as commands. Decision 0015
 * records how formats map onto steps.
 */
@NullMarked
package dev.runtape.ledger.importer;

import org.jspecify.annotations.NullMarked;
