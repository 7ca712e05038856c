package dev.runtape.verifier.bundle;

/** The checks a bundle goes through, each reported with how many items it checked and which failed. */
public enum Check {
    /** Every entry can be read, and the manifest is valid. */
    FORMAT("entries readable"),
    /** The manifest lists exactly the statements, disclosures and artifacts the bundle holds and refers to. */
    MANIFEST("manifest lists what the bundle holds"),
    /** Every statement is valid against statement.cddl and its event type's rule. */
    SCHEMA("statements valid against their schema"),
    /** Every statement's signature, by a key of the key set valid at its iat and entitled to its iss. */
    SIGNATURE("statement signatures"),
    /** Every stream's statements link by prev and revision: no gap, no reordering, no fork. */
    CHAIN("stream chains"),
    /** Every statement's receipt leads to the checkpoint's root and is signed by the ledger. */
    RECEIPT("receipts against the checkpoint"),
    /** The checkpoint's signature, by a ledger key valid at its time. */
    CHECKPOINT("checkpoint signature"),
    /** The checkpoint extends the trusted checkpoint. */
    CONSISTENCY("consistency with the trusted checkpoint"),
    /** Every included disclosure hashes to its digest and is a disclosure. */
    DISCLOSURE("disclosures against their digests"),
    /** Every included artifact hashes to its digest. */
    ARTIFACT("artifacts against their digests"),
    /** The provenance audit the bundle carries is signed by a ledger key and is of the bundle's dataset. */
    AUDIT("provenance audit signed by the ledger"),
    /** The ledger sealed this manifest: its ExportSealed statement names the manifest's digest. */
    SEAL("manifest sealed by the ledger");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name in reports: {@code "signature"}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
