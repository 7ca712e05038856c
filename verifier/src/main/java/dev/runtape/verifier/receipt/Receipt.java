package dev.runtape.verifier.receipt;

import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.InclusionProof;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RFC 9942 receipt: the signed message and the RFC 9162 proofs it carries. Parsing checks shapes only;
 * {@link ReceiptVerifier} checks that a proof leads to the root the log signed.
 */
public final class Receipt {

    /** The RFC9162_SHA256 verifiable data structure (RFC 9942 §5.1). */
    public static final long RFC9162_SHA256 = 1;
    /** Label of the inclusion proofs in the verifiable data structure proofs map. */
    public static final long INCLUSION_PROOFS = -1;
    /** Label of the consistency proofs in the verifiable data structure proofs map. */
    public static final long CONSISTENCY_PROOFS = -2;

    private final CoseSign1 message;
    private final List<InclusionProof> inclusionProofs;
    private final List<ConsistencyProof> consistencyProofs;

    Receipt(CoseSign1 message, List<InclusionProof> inclusionProofs, List<ConsistencyProof> consistencyProofs) {
        this.message = message;
        this.inclusionProofs = List.copyOf(inclusionProofs);
        this.consistencyProofs = List.copyOf(consistencyProofs);
    }

    /**
     * Parses a receipt.
     *
     * @throws FormatException if it is not a COSE_Sign1 with a detached payload, vds RFC9162_SHA256, and a vdp
     *     map of well-formed RFC 9162 proofs; the message names the failing part
     */
    public static Receipt decode(byte[] bytes) throws FormatException {
        return of(CoseSign1.decode(bytes));
    }

    /** The receipt in an already parsed COSE_Sign1. */
    public static Receipt of(CoseSign1 message) throws FormatException {
        if (!message.isDetached()) {
            throw new FormatException("receipt: the payload must be detached (nil); the verifier recomputes the root");
        }
        CborValue vds = message.protectedHeader().map().get(HeaderLabels.VDS).orElseThrow(() ->
                new FormatException("receipt: the protected header has no vds (label 395)"));
        if (!(vds instanceof CborInteger id) || !id.fitsLong() || id.longValueExact() != RFC9162_SHA256) {
            throw new FormatException("receipt: unsupported verifiable data structure " + vds
                    + "; expected 1 (RFC9162_SHA256)");
        }
        CborValue vdp = message.unprotectedHeader().get(HeaderLabels.VDP).orElseThrow(() ->
                new FormatException("receipt: the unprotected header has no vdp (label 396)"));
        if (!(vdp instanceof CborMap proofs)) {
            throw new FormatException("receipt: vdp (label 396) must be a map, found " + vdp);
        }
        List<InclusionProof> inclusion = new ArrayList<>();
        for (CborArray proof : proofList(proofs, INCLUSION_PROOFS, "inclusion")) {
            inclusion.add(inclusionProof(proof, "receipt: inclusion proof " + inclusion.size()));
        }
        List<ConsistencyProof> consistency = new ArrayList<>();
        for (CborArray proof : proofList(proofs, CONSISTENCY_PROOFS, "consistency")) {
            consistency.add(consistencyProof(proof, "receipt: consistency proof " + consistency.size()));
        }
        if (inclusion.isEmpty() && consistency.isEmpty()) {
            throw new FormatException("receipt: vdp holds neither inclusion (-1) nor consistency (-2) proofs");
        }
        return new Receipt(message, inclusion, consistency);
    }

    public CoseSign1 message() {
        return message;
    }

    public List<InclusionProof> inclusionProofs() {
        return inclusionProofs;
    }

    public List<ConsistencyProof> consistencyProofs() {
        return consistencyProofs;
    }

    public byte[] encode() {
        return message.encode();
    }

    /** Each entry under {@code label}: a byte string wrapping an encoded proof array. */
    private static List<CborArray> proofList(CborMap proofs, long label, String kind) throws FormatException {
        if (proofs.get(label).isEmpty()) {
            return List.of();
        }
        if (!(proofs.get(label).get() instanceof CborArray list) || list.size() == 0) {
            throw new FormatException("receipt: " + kind + " proofs (" + label + ") must be a non-empty array");
        }
        List<CborArray> arrays = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "receipt: " + kind + " proof " + i;
            if (!(list.get(i) instanceof CborByteString wrapped)) {
                throw new FormatException(where + ": expected a byte string wrapping the proof, found " + list.get(i));
            }
            CborValue decoded = CborInput.decode(wrapped.bytes(), CborProfile.WELL_FORMED, where);
            if (!(decoded instanceof CborArray array) || array.size() != 3) {
                throw new FormatException(where + ": expected an array of 3 items, found " + decoded);
            }
            arrays.add(array);
        }
        return arrays;
    }

    private static InclusionProof inclusionProof(CborArray array, String where) throws FormatException {
        long treeSize = unsigned(array.get(0), where + ", tree_size");
        long leafIndex = unsigned(array.get(1), where + ", leaf_index");
        if (leafIndex >= treeSize) {
            throw new FormatException(where + ": leaf_index " + leafIndex + " is not below tree_size " + treeSize);
        }
        return new InclusionProof(leafIndex, treeSize, path(array.get(2), where + ", inclusion_path"));
    }

    private static ConsistencyProof consistencyProof(CborArray array, String where) throws FormatException {
        long size1 = unsigned(array.get(0), where + ", tree_size_1");
        long size2 = unsigned(array.get(1), where + ", tree_size_2");
        if (size1 < 1 || size1 > size2) {
            throw new FormatException(where + ": tree sizes " + size1 + " and " + size2
                    + " must satisfy 1 <= tree_size_1 <= tree_size_2");
        }
        return new ConsistencyProof(size1, size2, path(array.get(2), where + ", consistency_path"));
    }

    private static long unsigned(CborValue value, String where) throws FormatException {
        if (value instanceof CborInteger i && i.value().signum() >= 0 && i.fitsLong()) {
            return i.longValueExact();
        }
        throw new FormatException(where + ": expected an unsigned integer below 2^63, found " + value);
    }

    private static List<Digest> path(CborValue value, String where) throws FormatException {
        if (!(value instanceof CborArray array)) {
            throw new FormatException(where + ": expected an array of hashes, found " + value);
        }
        List<Digest> hashes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof CborByteString hash)) {
                throw new FormatException(where + "[" + i + "]: expected a byte string, found " + array.get(i));
            }
            try {
                hashes.add(Digest.of(hash));
            } catch (FormatException e) {
                throw e.within(where + "[" + i + "]");
            }
        }
        return hashes;
    }
}
