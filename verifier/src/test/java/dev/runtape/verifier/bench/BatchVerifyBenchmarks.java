package dev.runtape.verifier.bench;

import dev.runtape.verifier.ed25519.Ed25519Batch;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Ed25519 signatures a second, verified together ({@link Ed25519Batch}, in batches of {@code batch}) against one by
 * one with Bouncy Castle ({@code alone}), on the same {@value #SIGNATURES} signatures: messages of 1,300 bytes (a
 * one-step statement's Sig_structure) by four keys, as in a bundle. One operation is one signature.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class BatchVerifyBenchmarks {

    static final int SIGNATURES = 256;

    @Param({"16", "64", "256"})
    public int batch;

    private final Ed25519PublicKeyParameters[] keys = new Ed25519PublicKeyParameters[SIGNATURES];
    private final Ed25519Batch.PublicKey[] batchKeys = new Ed25519Batch.PublicKey[SIGNATURES];
    private final byte[][] messages = new byte[SIGNATURES][];
    private final byte[][] signatures = new byte[SIGNATURES][];

    @Setup(Level.Trial)
    public void setUp() {
        SecureRandom random = new SecureRandom();
        Ed25519PrivateKeyParameters[] signers = new Ed25519PrivateKeyParameters[4];
        for (int k = 0; k < signers.length; k++) {
            signers[k] = new Ed25519PrivateKeyParameters(random);
        }
        for (int i = 0; i < SIGNATURES; i++) {
            Ed25519PrivateKeyParameters signer = signers[i % signers.length];
            keys[i] = signer.generatePublicKey();
            batchKeys[i] = Ed25519Batch.PublicKey.decode(keys[i].getEncoded());
            messages[i] = new byte[1300];
            random.nextBytes(messages[i]);
            signatures[i] = new byte[Ed25519.SIGNATURE_SIZE];
            signer.sign(Ed25519.Algorithm.Ed25519, null, messages[i], 0, messages[i].length, signatures[i], 0);
        }
        if (together() != SIGNATURES / batch || alone() != SIGNATURES) {
            throw new IllegalStateException("the signatures made here do not verify");
        }
    }

    /** @return the batches that verified */
    @Benchmark
    @OperationsPerInvocation(SIGNATURES)
    public int together() {
        int valid = 0;
        for (int from = 0; from < SIGNATURES; from += batch) {
            Ed25519Batch verifier = new Ed25519Batch();
            for (int i = from; i < from + batch; i++) {
                verifier.add(batchKeys[i], messages[i], signatures[i]);
            }
            valid += verifier.verify() ? 1 : 0;
        }
        return valid;
    }

    /** @return the signatures that verified */
    @Benchmark
    @OperationsPerInvocation(SIGNATURES)
    public int alone() {
        int valid = 0;
        for (int i = 0; i < SIGNATURES; i++) {
            valid += keys[i].verify(Ed25519.Algorithm.Ed25519, null, messages[i], 0, messages[i].length,
                    signatures[i], 0) ? 1 : 0;
        }
        return valid;
    }
}
