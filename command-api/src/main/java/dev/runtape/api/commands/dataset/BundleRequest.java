package dev.runtape.api.commands.dataset;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /datasets/{id}/bundles}: seal an export and receive its bundle. {@code since} is the size of a checkpoint
 * the recipient already trusts (a consistency receipt from it goes in the bundle); {@code artifacts} includes the
 * artifacts' bytes, not only their digests.
 */
public record BundleRequest(String exportId, String recipient, @Nullable String purpose, @Nullable Long since,
        @Nullable Boolean artifacts) {
}
