/**
 * {@code runtape bench http}: a loopback load of the HTTP API beside the same load sent straight to the ledger, in one
 * run, so that what HTTP costs is a ratio of two rates measured on the same machine at the same time.
 */
@NullMarked
package dev.runtape.api.bench;

import org.jspecify.annotations.NullMarked;
