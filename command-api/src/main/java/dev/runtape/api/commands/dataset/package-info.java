/**
 * Datasets: definition, admissions and splits, policy, sealed exports and their delivery.
 */
@NullMarked
package dev.runtape.api.commands.dataset;

import org.jspecify.annotations.NullMarked;
