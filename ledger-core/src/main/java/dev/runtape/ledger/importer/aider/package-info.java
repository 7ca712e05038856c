/**
 * Aider's chat history ({@code .aider.chat.history.md}): markdown that Aider appends to as it runs, sessions headed
 * {@code # aider chat started at}, the user's input as {@code ####} lines, Aider's own output quoted with {@code >},
 * and the model's replies as plain text with their SEARCH/REPLACE blocks.
 */
@NullMarked
package dev.runtape.ledger.importer.aider;

import org.jspecify.annotations.NullMarked;
