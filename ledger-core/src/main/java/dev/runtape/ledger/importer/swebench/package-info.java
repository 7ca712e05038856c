/** SWE-bench predictions files (instance id, model, patch), as SWE-agent and mini-swe-agent write them. */
@NullMarked
package dev.runtape.ledger.importer.swebench;

import org.jspecify.annotations.NullMarked;
