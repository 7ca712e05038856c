/**
 * The CDDL schemas of Runtape's wire formats (resources under {@code dev/runtape/schemas/}); the CDDL validator comes with the schemas issue.
 */
@NullMarked
package dev.runtape.schemas;

import org.jspecify.annotations.NullMarked;
