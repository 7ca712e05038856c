/**
 * A completed trajectory's governance: QA checks and reviews, labels, redactions, its policy.
 */
@NullMarked
package dev.runtape.api.commands.review;

import org.jspecify.annotations.NullMarked;
