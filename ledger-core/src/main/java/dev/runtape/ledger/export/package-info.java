/**
 * Dataset exports: the bundle a recipient verifies offline with {@code runtape-verify bundle} (bundle.cddl, decision
 * 0017), and the training-ready JSON lines beside it.
 */
@NullMarked
package dev.runtape.ledger.export;

import org.jspecify.annotations.NullMarked;
