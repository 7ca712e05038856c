/**
 * Human computer-use demonstrations recorded with OpenCUA's AgentNet annotation tool: a recording folder with the raw
 * input events ({@code events.jsonl}) and the recording's {@code metadata.json} beside them.
 */
@NullMarked
package dev.runtape.ledger.importer.opencua;

import org.jspecify.annotations.NullMarked;
