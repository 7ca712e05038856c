/**
 * Capture: tasks, and a trajectory's start, steps, artifacts and completion.
 */
@NullMarked
package dev.runtape.api.commands.capture;

import org.jspecify.annotations.NullMarked;
