/**
 * A schema compiled for one rule into a graph of matchers: every name resolved to a direct reference, generic rules
 * instantiated once, member keys made into CBOR values up front, choices among maps dispatched on the members they
 * require. A node only answers whether a value matches; it builds no paths and no messages, so that the common case,
 * a valid instance, allocates next to nothing. Explaining a failure is left to the interpreting
 * {@code dev.runtape.schemas.cddl.internal.Matcher}, whose verdicts the graph reproduces exactly.
 */
@NullMarked
package dev.runtape.schemas.cddl.internal.graph;

import org.jspecify.annotations.NullMarked;
