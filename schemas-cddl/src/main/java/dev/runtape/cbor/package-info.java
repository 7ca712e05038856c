/**
 * CBOR (RFC 8949): a data model of sealed values, a deterministic encoder (§4.2.1 core deterministic encoding,
 * optionally with the dCBOR numeric rules), and a decoder that either accepts any well-formed item or fails closed on
 * anything that is not in the deterministic encoding.
 *
 * <p>It lives in schemas-cddl, the lowest module, because both the CDDL validator and the verifier stand on it. Why
 * Runtape carries its own codec rather than Jackson's streaming CBOR is recorded in
 * {@code docs/decisions/0002-deterministic-cbor.md}.
 */
@NullMarked
package dev.runtape.cbor;

import org.jspecify.annotations.NullMarked;
