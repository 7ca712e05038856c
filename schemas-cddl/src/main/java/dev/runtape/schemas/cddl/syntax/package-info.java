/**
 * The syntax of CDDL (RFC 8610 Appendix B, with the RFC 9682 additions used in practice): a parser from text to an
 * immutable tree of rules, types and groups. Meaning (names, generics, sockets, the prelude) is given to the tree
 * by {@code dev.runtape.schemas.cddl.Schema}.
 */
@NullMarked
package dev.runtape.schemas.cddl.syntax;

import org.jspecify.annotations.NullMarked;
