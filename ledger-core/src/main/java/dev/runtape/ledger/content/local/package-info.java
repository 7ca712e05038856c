/** The content store in a local directory: the embedded default, needing no server. */
@NullMarked
package dev.runtape.ledger.content.local;

import org.jspecify.annotations.NullMarked;
