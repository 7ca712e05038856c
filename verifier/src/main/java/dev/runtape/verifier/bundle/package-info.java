/**
 * Export bundles ({@code bundle.cddl}): a manifest, then statements with their receipts, disclosures and artifacts,
 * as one CBOR sequence. {@link dev.runtape.verifier.bundle.BundleReader} streams a bundle one entry at a time,
 * {@link dev.runtape.verifier.bundle.BundleVerifier} checks everything in it and returns a
 * {@link dev.runtape.verifier.bundle.BundleReport}, and {@link dev.runtape.verifier.bundle.BundleWriter} writes one.
 */
@NullMarked
package dev.runtape.verifier.bundle;

import org.jspecify.annotations.NullMarked;
