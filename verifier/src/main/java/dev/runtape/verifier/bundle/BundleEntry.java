package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;

/**
 * One entry of a bundle after its manifest, numbered from 0 in file order. Its contents are where the reader read
 * them ({@link #content}), shared with the entries read with them; {@link #bytes} copies them.
 */
public sealed interface BundleEntry {

    /** The entry's position among the entries (the manifest not counted). */
    long ordinal();

    /** The entry's byte string: the statement, disclosure, artifact, audit or seal. */
    ByteRange content();

    /** A copy of {@link #content}. */
    default byte[] bytes() {
        return content().copy();
    }

    /** The bundle-statement entry: the statement's bytes, its receipt attached. */
    record StatementEntry(long ordinal, ByteRange content) implements BundleEntry {
    }

    /** An included disclosure: the digest it is listed by and its encoded bytes. */
    record DisclosureEntry(long ordinal, Digest digest, ByteRange content) implements BundleEntry {
    }

    /** An included artifact: the digest it is listed by and its raw bytes. */
    record ArtifactEntry(long ordinal, Digest digest, ByteRange content) implements BundleEntry {
    }

    /** The provenance audit of the exported dataset: its JSON report as a COSE_Sign1 signed by the ledger. */
    record AuditEntry(long ordinal, ByteRange content) implements BundleEntry {
    }

    /** The seal, last: the ledger's ExportSealed statement naming the manifest's digest. */
    record SealEntry(long ordinal, ByteRange content) implements BundleEntry {
    }
}
