/** The task aggregate: what an operator or agent was asked to do. */
@NullMarked
package dev.runtape.ledger.domain.task;

import org.jspecify.annotations.NullMarked;
