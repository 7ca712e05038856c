/**
 * {@code runtape-cddl}, the validator's command line: {@code check} compiles schemas and reports their errors with
 * line and column; {@code validate} checks JSON or CBOR files against a rule. Exit status 0 when all is valid, 1
 * when an instance is not, 2 on a usage or schema error.
 */
@NullMarked
package dev.runtape.schemas.cddl.cli;

import org.jspecify.annotations.NullMarked;
