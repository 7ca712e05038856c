/**
 * The Runtape service: REST commands and queries, authentication, OpenAPI and the runtape command line (the command-api issue).
 */
@NullMarked
package dev.runtape.api;

import org.jspecify.annotations.NullMarked;
