/**
 * Gemini CLI's session files ({@code ~/.gemini/tmp/PROJECT_HASH/chats/session-*.json}): one JSON object with the
 * session's id, project hash, start and last update, and its messages with their thoughts, tool calls and tokens.
 */
@NullMarked
package dev.runtape.ledger.importer.gemini;

import org.jspecify.annotations.NullMarked;
