package dev.runtape.verifier.bench;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Signing and verifying: the raw Bouncy Castle primitive on a 32-byte message against a whole Runtape COSE_Sign1
 * (build the protected header, the Sig_structure, sign, encode; or decode, check the header, verify) with a
 * 32-byte payload and a content-type parameter. {@link BenchmarkReport} prints the ratio of each pair.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
@SuppressWarnings("deprecation") // Ed25519 signing with a precomputed public key, as Ed25519SigningKey does
public class SignatureBenchmarks {

    private static final CborTextString CONTENT_TYPE = CborTextString.of("application/cbor");

    private byte[] message;

    private Ed25519PrivateKeyParameters ed25519Private;
    private Ed25519PublicKeyParameters ed25519Public;
    private byte[] ed25519Signature;
    private Ed25519SigningKey ed25519Key;
    private byte[] ed25519Sign1;
    private byte[] ed25519SigStructure;
    private byte[] ed25519SigStructureSignature;

    private ECPrivateKeyParameters p256Private;
    private ECPublicKeyParameters p256Public;
    private BigInteger[] p256Signature;
    private P256SigningKey p256Key;
    private byte[] p256Sign1;

    @Setup(Level.Trial)
    public void setUp() throws FormatException, VerificationException {
        SecureRandom random = new SecureRandom();
        message = new byte[32];
        random.nextBytes(message);

        byte[] seed = new byte[32];
        random.nextBytes(seed);
        ed25519Private = new Ed25519PrivateKeyParameters(seed);
        ed25519Public = ed25519Private.generatePublicKey();
        ed25519Signature = ed25519RawSign();
        ed25519Key = Ed25519SigningKey.of(seed, SecretKeyAccess.insecure());
        ed25519Sign1 = ed25519Sign1Sign();
        ed25519Sign1Verify();
        // The bytes the COSE_Sign1 signature covers (RFC 9052 §4.4), for the breakdown benchmarks.
        CoseSign1 parsed = CoseSign1.decode(ed25519Sign1);
        ed25519SigStructure = CborArray.of(CborTextString.of("Signature1"),
                new CborByteString(parsed.protectedHeader().encoded()), new CborByteString(new byte[0]),
                new CborByteString(message)).encode();
        ed25519SigStructureSignature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(Ed25519.Algorithm.Ed25519, ed25519Public, null, ed25519SigStructure, 0,
                ed25519SigStructure.length, ed25519SigStructureSignature, 0);
        if (!Arrays.equals(ed25519SigStructureSignature, parsed.signature())) {
            throw new IllegalStateException("the Sig_structure rebuilt here is not the one Runtape signed");
        }

        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        p256Key = P256SigningKey.generate(random);
        BigInteger d = new BigInteger(1, p256Key.privateKeyBytes(SecretKeyAccess.insecure()));
        p256Private = new ECPrivateKeyParameters(d, domain);
        p256Public = new ECPublicKeyParameters(domain.getG().multiply(d).normalize(), domain);
        p256Signature = es256RawSign();
        if (!es256RawVerify()) {
            throw new IllegalStateException("raw ES256 does not verify its own signature");
        }
        p256Sign1 = es256Sign1Sign();
        es256Sign1Verify();
    }

    @Benchmark
    public byte[] ed25519RawSign() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(Ed25519.Algorithm.Ed25519, ed25519Public, null, message, 0, 32, signature, 0);
        return signature;
    }

    @Benchmark
    public boolean ed25519RawVerify() {
        return ed25519Public.verify(Ed25519.Algorithm.Ed25519, null, message, 0, 32, ed25519Signature, 0);
    }

    /**
     * Breakdown: raw Ed25519 over the Sig_structure that {@link #ed25519Sign1Sign} signs (about 100 bytes instead of
     * 32). Its difference from {@link #ed25519RawSign} is the cost of the longer message; the rest of the distance to
     * {@link #ed25519Sign1Sign} is COSE and CBOR work.
     */
    @Benchmark
    public byte[] ed25519RawSignSigStructure() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(Ed25519.Algorithm.Ed25519, ed25519Public, null, ed25519SigStructure, 0,
                ed25519SigStructure.length, signature, 0);
        return signature;
    }

    /** Breakdown: raw Ed25519 verification of the signature over the Sig_structure. */
    @Benchmark
    public boolean ed25519RawVerifySigStructure() {
        return ed25519Public.verify(Ed25519.Algorithm.Ed25519, null, ed25519SigStructure, 0,
                ed25519SigStructure.length, ed25519SigStructureSignature, 0);
    }

    @Benchmark
    public byte[] ed25519Sign1Sign() {
        return Sign1Builder.signingWith(ed25519Key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CONTENT_TYPE)
                .sign(message)
                .encode();
    }

    @Benchmark
    public CoseSign1 ed25519Sign1Verify() throws FormatException, VerificationException {
        CoseSign1 decoded = CoseSign1.decode(ed25519Sign1);
        Sign1Verifier.verify(decoded, ed25519Key.verificationKey());
        return decoded;
    }

    /** Breakdown: parsing alone, the part of {@link #ed25519Sign1Verify} that is not the signature check. */
    @Benchmark
    public CoseSign1 sign1Decode() throws FormatException {
        return CoseSign1.decode(ed25519Sign1);
    }

    /** ECDSA as Runtape's ES256 does it: SHA-256, then RFC 6979 deterministic k. */
    @Benchmark
    public BigInteger[] es256RawSign() {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, p256Private);
        return signer.generateSignature(Digest.sha256(message).bytes());
    }

    @Benchmark
    public boolean es256RawVerify() {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, p256Public);
        return verifier.verifySignature(Digest.sha256(message).bytes(), p256Signature[0], p256Signature[1]);
    }

    @Benchmark
    public byte[] es256Sign1Sign() {
        return Sign1Builder.signingWith(p256Key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CONTENT_TYPE)
                .sign(message)
                .encode();
    }

    @Benchmark
    public CoseSign1 es256Sign1Verify() throws FormatException, VerificationException {
        CoseSign1 decoded = CoseSign1.decode(p256Sign1);
        Sign1Verifier.verify(decoded, p256Key.verificationKey());
        return decoded;
    }
}
