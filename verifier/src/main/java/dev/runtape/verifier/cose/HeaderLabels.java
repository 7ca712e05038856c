package dev.runtape.verifier.cose;

/** COSE header parameter labels that Runtape reads or writes (IANA "COSE Header Parameters"). */
public final class HeaderLabels {

    /** Algorithm (RFC 9052 §3.1). */
    public static final long ALG = 1;
    /** Critical parameters: labels a recipient must understand (RFC 9052 §3.1). */
    public static final long CRIT = 2;
    /** Content type of the payload (RFC 9052 §3.1). */
    public static final long CONTENT_TYPE = 3;
    /** Key identifier (RFC 9052 §3.1). */
    public static final long KID = 4;
    /** CWT claims: iss, sub, iat... in a header (RFC 9597). */
    public static final long CWT_CLAIMS = 15;
    /** Receipts attached to a signed statement (RFC 9942 §2). */
    public static final long RECEIPTS = 394;
    /** Verifiable data structure (RFC 9942 §2). */
    public static final long VDS = 395;
    /** Verifiable data structure proofs (RFC 9942 §2). */
    public static final long VDP = 396;

    private HeaderLabels() {
    }
}
