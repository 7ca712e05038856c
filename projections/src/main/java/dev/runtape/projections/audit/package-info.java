/**
 * Provenance audits of a dataset version or one of its exports, read from the log: every trajectory's chain of
 * custody, QA, labels and redactions, the policy findings, and every statement verified (signature, chain, inclusion
 * in a checkpoint). What a compliance officer hands on.
 */
@NullMarked
package dev.runtape.projections.audit;

import org.jspecify.annotations.NullMarked;
