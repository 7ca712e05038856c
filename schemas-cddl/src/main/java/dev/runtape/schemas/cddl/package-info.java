/**
 * A CDDL (RFC 8610) validator for the JVM. {@link dev.runtape.schemas.cddl.Schema} compiles CDDL text once;
 * {@link dev.runtape.schemas.cddl.Validator} checks CBOR data items and JSON documents (Jackson trees) against one of
 * its rules and reports every failure with its path.
 */
@NullMarked
package dev.runtape.schemas.cddl;

import org.jspecify.annotations.NullMarked;
