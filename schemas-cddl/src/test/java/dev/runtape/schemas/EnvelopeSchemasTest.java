package dev.runtape.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.Failure;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The envelope formats (statement, checkpoint, receipt, key set, bundle manifest): a valid instance of each, and
 * one-change mutations failing where the change was made. The verifier's own output is checked against the same
 * rules in the verifier module.
 */
class EnvelopeSchemasTest {

    private static final CborByteString DIGEST = new CborByteString(new byte[32]);

    private static String failures(String rule, CborValue instance) {
        return String.join("\n", RuntapeSchemas.validator(rule).validate(instance).failures().stream()
                .map(Failure::toString).toList());
    }

    private static CborMap header(UnaryOperator<CborMap.Builder> change) {
        CborMap.Builder header = CborMap.builder()
                .put(1, CborInteger.of(-8))
                .put(4, DIGEST)
                .put(3, CborTextString.of("application/vnd.runtape.event+cbor"))
                .put(15, CborMap.builder().put(1, CborTextString.of("svc-capture"))
                        .put(2, CborTextString.of("operator/op-1")).put(6, CborInteger.of(1_763_800_000)).build())
                .put(-70001, CborTextString.of("OperatorEnrolled"))
                .put(-70002, CborInteger.of(0))
                .put(-70003, CborTextString.of("evt-1"))
                .put(-70004, CborTextString.of("acme"));
        return change.apply(header).build();
    }

    private static CborValue statement(CborMap header, CborValue payload, int signatureLength) {
        return new CborTag(18, CborArray.of(new CborByteString(header.encode()), CborMap.EMPTY,
                new CborByteString(payload.encode()), new CborByteString(new byte[signatureLength])));
    }

    private static final CborMap ENROLLED = CborMap.builder().put("operator-id", CborTextString.of("op-1")).build();

    @Test
    void aStatementWithEveryHeaderParameterIsValid() {
        assertThat(failures(RuntapeSchemas.STATEMENT, statement(header(h -> h.put(-70005, DIGEST)), ENROLLED, 64)))
                .isEmpty();
    }

    @Test
    void statementMutationsFailWhereTheyWereMade() {
        assertThat(failures(RuntapeSchemas.STATEMENT, statement(header(h -> h), ENROLLED, 64)))
                .isEqualTo("$[0]: missing member -70005 (prev-label => digest)");
        assertThat(failures(RuntapeSchemas.STATEMENT, statement(header(h -> h.put(-70005, new CborByteString(new byte[31]))),
                ENROLLED, 64)))
                .isEqualTo("$[0].-70005: expected digest (bstr .size 32), found bytes of length 31");
        assertThat(failures(RuntapeSchemas.STATEMENT, statement(header(h -> h.put(-70005, DIGEST)), ENROLLED, 63)))
                .isEqualTo("$[3]: expected bstr .size 64, found bytes of length 63");
        assertThat(failures(RuntapeSchemas.STATEMENT, statement(header(h -> h.put(-70005, DIGEST)
                .put(-70006, CborTextString.of("extra"))), ENROLLED, 64)))
                .isEqualTo("$[0].-70006: unexpected member (the map allows 1 => -8 / -7, 4 => digest, "
                        + "3 => \"application/vnd.runtape.event+cbor\", 15 => statement-claims, "
                        + "event-type-label => event-type, stream-revision-label => uint, event-id-label => id, "
                        + "tenant-label => id, prev-label => digest)");
    }

    @Test
    void theStreamOfAStatementNamesAnAggregate() {
        CborMap badSubject = header(h -> h.put(-70005, DIGEST));
        CborMap.Builder changed = CborMap.builder();
        badSubject.entries().forEach((k, v) -> changed.put(k, k.equals(CborInteger.of(15))
                ? CborMap.builder().put(1, CborTextString.of("svc")).put(2, CborTextString.of("customer/42"))
                        .put(6, CborInteger.of(1)).build()
                : v));

        assertThat(failures(RuntapeSchemas.STATEMENT, statement(changed.build(), ENROLLED, 64)))
                .isEqualTo("$[0].15.2: expected stream-id (tstr .regexp \"(task|operator|trajectory|dataset)/[^/]{1,200}\"), found text \"customer/42\"");
    }

    @Test
    void aCheckpointPayloadHasExactlyItsFourFields() {
        CborMap checkpoint = CborMap.builder().put(1, CborTextString.of("runtape.test/log")).put(2, CborInteger.of(7))
                .put(3, DIGEST).put(4, CborInteger.of(1_763_800_000_000L)).build();

        assertThat(failures(RuntapeSchemas.CHECKPOINT, checkpoint)).isEmpty();
        assertThat(failures(RuntapeSchemas.CHECKPOINT, CborMap.builder().put(1, CborTextString.of(""))
                .put(2, CborInteger.of(7)).put(3, DIGEST).put(4, CborInteger.of(0)).build()))
                .isEqualTo("$.1: expected tstr .size 1..255, found text \"\"");
        assertThat(failures(RuntapeSchemas.CHECKPOINT, CborMap.builder().put(1, CborTextString.of("o"))
                .put(2, CborInteger.of(-1)).put(3, DIGEST).put(4, CborInteger.of(0)).build()))
                .isEqualTo("$.2: expected uint, found nint -1");
    }

    @Test
    void aReceiptCarriesExactlyOneKindOfProofAndADetachedPayload() {
        CborMap header = CborMap.builder().put(1, CborInteger.of(-8)).put(4, DIGEST).put(395, CborInteger.of(1))
                .put(15, CborMap.builder().put(1, CborTextString.of("runtape.test/log")).build()).build();
        CborByteString proof = new CborByteString(CborArray.of(CborInteger.of(5), CborInteger.of(3),
                CborArray.of(DIGEST, DIGEST, DIGEST)).encode());
        CborMap vdp = CborMap.builder().put(396, CborMap.builder().put(-1, CborArray.of(proof)).build()).build();

        CborValue receipt = new CborTag(18, CborArray.of(new CborByteString(header.encode()), vdp, CborSimple.NULL,
                new CborByteString(new byte[64])));
        assertThat(failures(RuntapeSchemas.RECEIPT, receipt)).isEmpty();

        CborValue attached = new CborTag(18, CborArray.of(new CborByteString(header.encode()), vdp, DIGEST,
                new CborByteString(new byte[64])));
        assertThat(failures(RuntapeSchemas.RECEIPT, attached)).isEqualTo("$[2]: expected nil, found bytes of length 32");

        CborByteString shortHash = new CborByteString(CborArray.of(CborInteger.of(5), CborInteger.of(3),
                CborArray.of(new CborByteString(new byte[20]))).encode());
        CborValue badProof = new CborTag(18, CborArray.of(new CborByteString(header.encode()),
                CborMap.builder().put(396, CborMap.builder().put(-1, CborArray.of(shortHash)).build()).build(),
                CborSimple.NULL, new CborByteString(new byte[64])));
        assertThat(failures(RuntapeSchemas.RECEIPT, badProof))
                .isEqualTo("$[1].396.-1[0][2][0]: expected digest (bstr .size 32), found bytes of length 20");
    }

    @Test
    void keysOfAKeySetCarryTheirThumbprintAndValidity() {
        CborMap key = CborMap.builder().put(1, CborInteger.of(1)).put(-1, CborInteger.of(6)).put(-2, DIGEST)
                .put(2, DIGEST).put(-70101, CborInteger.of(0)).put(-70102, CborInteger.of(1_800_000_000_000L))
                .put(-70103, CborTextString.of("svc-capture")).build();

        assertThat(failures(RuntapeSchemas.KEY_SET, CborArray.of(key))).isEmpty();
        CborMap withoutKid = CborMap.builder().put(1, CborInteger.of(1)).put(-1, CborInteger.of(6)).put(-2, DIGEST).build();
        assertThat(failures(RuntapeSchemas.KEY_SET, CborArray.of(withoutKid)))
                .isEqualTo("$[0]: missing member 2 => digest");
    }

    @Test
    void aBundleManifestListsTrajectoriesAndDisclosures() {
        CborMap manifest = CborMap.builder()
                .put("format", CborTextString.of("runtape-bundle/1"))
                .put("export-id", CborTextString.of("exp-1"))
                .put("dataset", CborMap.builder().put("dataset-id", CborTextString.of("ds-1"))
                        .put("name", CborTextString.of("fixes")).put("version", CborTextString.of("1")).build())
                .put("recipient", CborTextString.of("acme-research"))
                .put("created", CborInteger.of(1_763_800_000_000L))
                .put("checkpoint", new CborByteString(new CborTag(18, CborArray.of(
                        new CborByteString(CborMap.builder().put(1, CborInteger.of(-8)).put(4, DIGEST)
                                .put(3, CborTextString.of("application/runtape-checkpoint+cbor")).build().encode()),
                        CborMap.EMPTY,
                        new CborByteString(CborMap.builder().put(1, CborTextString.of("o")).put(2, CborInteger.of(1))
                                .put(3, DIGEST).put(4, CborInteger.of(0)).build().encode()),
                        new CborByteString(new byte[64]))).encode()))
                .put("key-sets", new CborByteString(CborArray.of(CborMap.builder().put(1, CborInteger.of(1))
                        .put(-1, CborInteger.of(6)).put(-2, DIGEST).put(2, DIGEST).build()).encode()))
                .put("trajectories", CborArray.of(CborMap.builder().put("trajectory-id", CborTextString.of("traj-01"))
                        .put("split", CborTextString.of("train")).put("statements", CborArray.of(DIGEST)).build()))
                .put("disclosures", CborArray.of(CborMap.builder().put("digest", DIGEST)
                        .put("included", CborSimple.FALSE).put("withheld", CborTextString.of("redacted")).build()))
                .build();

        assertThat(failures(RuntapeSchemas.BUNDLE_MANIFEST, manifest)).isEmpty();

        CborMap.Builder noStatements = CborMap.builder();
        manifest.entries().forEach((k, v) -> noStatements.put(k, k.equals(CborTextString.of("trajectories"))
                ? CborArray.of(CborMap.builder().put("trajectory-id", CborTextString.of("traj-01"))
                        .put("statements", new CborArray(List.of())).build())
                : v));
        assertThat(failures(RuntapeSchemas.BUNDLE_MANIFEST, noStatements.build()))
                .isEqualTo("$.trajectories[0].statements: the array ends after 0 items; expected + digest next");
    }

    @Test
    void bundleEntriesFrameStatementsDisclosuresAndArtifacts() {
        CborValue disclosure = CborArray.of(new CborByteString(new byte[16]), CborTextString.of("ran the tests"));
        CborValue entry = CborArray.of(CborTextString.of("disclosure"), DIGEST,
                new CborByteString(disclosure.encode()));
        CborValue artifact = CborArray.of(CborTextString.of("artifact"), DIGEST, new CborByteString(new byte[3]));

        assertThat(failures(RuntapeSchemas.BUNDLE_ENTRY, entry)).isEmpty();
        assertThat(failures(RuntapeSchemas.BUNDLE_ENTRY, artifact)).isEmpty();
        CborValue shortSalt = CborArray.of(CborTextString.of("disclosure"), DIGEST, new CborByteString(
                CborArray.of(new CborByteString(new byte[15]), CborTextString.of("x")).encode()));
        assertThat(failures(RuntapeSchemas.BUNDLE_ENTRY, shortSalt)).isNotEmpty();
        assertThat(failures(RuntapeSchemas.BUNDLE_ENTRY, CborArray.of(CborTextString.of("note"), DIGEST)))
                .isNotEmpty();
    }
}
