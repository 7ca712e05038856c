/**
 * One ledger node assembled from its parts: the event log on its store, the content store, the key ring, the Axon
 * domain on the ledger's storage engine, and the integrator. What the service and the command line start.
 */
@NullMarked
package dev.runtape.ledger.node;

import org.jspecify.annotations.NullMarked;
