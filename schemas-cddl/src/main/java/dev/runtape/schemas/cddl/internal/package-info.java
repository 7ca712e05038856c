/** How the validator works: the rule table, the matching of instances against types and groups, and rendering. */
@NullMarked
package dev.runtape.schemas.cddl.internal;

import org.jspecify.annotations.NullMarked;
