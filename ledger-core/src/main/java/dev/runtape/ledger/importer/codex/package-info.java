/**
 * Codex CLI's rollout files ({@code ~/.codex/sessions/YYYY/MM/DD/rollout-...jsonl}): one JSON object per line, a
 * session header, the model's response items, UI events and per-turn context.
 */
@NullMarked
package dev.runtape.ledger.importer.codex;

import org.jspecify.annotations.NullMarked;
