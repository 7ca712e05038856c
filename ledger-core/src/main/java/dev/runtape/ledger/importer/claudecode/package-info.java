/**
 * Claude Code's session transcripts ({@code ~/.claude/projects/.../SESSION.jsonl}): one JSON object per line, a tree
 * through {@code parentUuid}, with subagents' transcripts in {@code SESSION/subagents/}.
 */
@NullMarked
package dev.runtape.ledger.importer.claudecode;

import org.jspecify.annotations.NullMarked;
