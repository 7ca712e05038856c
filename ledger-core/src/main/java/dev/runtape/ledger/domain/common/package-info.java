/** Values shared by the events of several aggregates (common.cddl). */
@NullMarked
package dev.runtape.ledger.domain.common;

import org.jspecify.annotations.NullMarked;
