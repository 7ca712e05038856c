/** The trajectory aggregate: a run's steps, artifacts and outcome, and what QA, labelling and redaction said of it. */
@NullMarked
package dev.runtape.ledger.domain.trajectory;

import org.jspecify.annotations.NullMarked;
