/**
 * Operators: enrolment under a pseudonym, and qualifications.
 */
@NullMarked
package dev.runtape.api.commands.operator;

import org.jspecify.annotations.NullMarked;
