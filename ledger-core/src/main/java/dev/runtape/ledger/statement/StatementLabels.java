package dev.runtape.ledger.statement;

/**
 * The labels of a statement's protected header that are Runtape's own (statement.cddl, from the private-use range of
 * the COSE header parameter registry), the CWT claim keys it uses (RFC 8392), and its content type.
 */
public final class StatementLabels {

    public static final long EVENT_TYPE = -70001;
    public static final long STREAM_REVISION = -70002;
    public static final long EVENT_ID = -70003;
    public static final long TENANT = -70004;
    public static final long PREV = -70005;

    /** CWT claim: the principal the statement speaks for. */
    public static final long CLAIM_ISS = 1;
    /** CWT claim: the stream. */
    public static final long CLAIM_SUB = 2;
    /** CWT claim: the time of issue, in seconds. */
    public static final long CLAIM_IAT = 6;

    /** The content type of every statement's payload. */
    public static final String CONTENT_TYPE = "application/vnd.runtape.event+cbor";

    private StatementLabels() {
    }
}
