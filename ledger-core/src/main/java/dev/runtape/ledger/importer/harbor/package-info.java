/** Harbor's training traces: the conversation of each episode of a run, as Harbor exports them beside ATIF. */
@NullMarked
package dev.runtape.ledger.importer.harbor;

import org.jspecify.annotations.NullMarked;
