/**
 * OpenHands: event streams (a JSON list of actions and observations) and evaluation output lines ({@code output.jsonl}:
 * an instance, its history, the git patch and what the evaluation said).
 */
@NullMarked
package dev.runtape.ledger.importer.openhands;

import org.jspecify.annotations.NullMarked;
