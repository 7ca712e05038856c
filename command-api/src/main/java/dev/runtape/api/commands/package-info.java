/**
 * Commands over HTTP: what every command endpoint shares (the caller, event ids and If-Match, the answer).
 */
@NullMarked
package dev.runtape.api.commands;

import org.jspecify.annotations.NullMarked;
