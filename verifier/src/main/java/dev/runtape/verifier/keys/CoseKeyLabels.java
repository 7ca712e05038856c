package dev.runtape.verifier.keys;

/** The COSE_Key parameter labels Runtape reads and writes (RFC 9052 §7.1, RFC 9053 §7.1 and §7.2). */
final class CoseKeyLabels {
    static final long KTY = 1;
    static final long KID = 2;
    static final long ALG = 3;
    static final long CRV = -1;
    static final long X = -2;
    static final long Y = -3;
    static final long D = -4;

    private CoseKeyLabels() {
    }
}
