/** The search index in the service: its projection from the log, kept current, and {@code GET /search}. */
@NullMarked
package dev.runtape.api.search;

import org.jspecify.annotations.NullMarked;
