/** The operator aggregate: pseudonymous human operators and their qualifications. */
@NullMarked
package dev.runtape.ledger.domain.operator;

import org.jspecify.annotations.NullMarked;
