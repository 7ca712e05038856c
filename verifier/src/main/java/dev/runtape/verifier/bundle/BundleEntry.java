package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;

/** One entry of a bundle after its manifest, numbered from 0 in file order. */
public sealed interface BundleEntry {

    /** The entry's position among the entries (the manifest not counted). */
    long ordinal();

    /** The bundle-statement entry: the statement's bytes, its receipt attached. */
    record StatementEntry(long ordinal, byte[] bytes) implements BundleEntry {
    }

    /** An included disclosure: the digest it is listed by and its encoded bytes. */
    record DisclosureEntry(long ordinal, Digest digest, byte[] bytes) implements BundleEntry {
    }

    /** An included artifact: the digest it is listed by and its raw bytes. */
    record ArtifactEntry(long ordinal, Digest digest, byte[] bytes) implements BundleEntry {
    }

    /** The provenance audit of the exported dataset: its JSON report as a COSE_Sign1 signed by the ledger. */
    record AuditEntry(long ordinal, byte[] bytes) implements BundleEntry {
    }

    /** The seal, last: the ledger's ExportSealed statement naming the manifest's digest. */
    record SealEntry(long ordinal, byte[] bytes) implements BundleEntry {
    }
}
