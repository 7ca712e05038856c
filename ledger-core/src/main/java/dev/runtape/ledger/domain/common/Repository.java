package dev.runtape.ledger.domain.common;

import dev.runtape.ledger.statement.ArtifactRef;
import org.jspecify.annotations.Nullable;

/** A repository at a commit, with an archive of the working tree when the commit alone does not pin it. */
public record Repository(String url, String commit, @Nullable String branch, @Nullable ArtifactRef snapshot) {
}
