package dev.runtape.ledger.statement;

import static dev.runtape.ledger.statement.StatementFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.keys.TestKeys;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.ProtectedHeader;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StatementHeaderTest {

    private final StatementHeader header = header(TestKeys.ed25519(1)).build();

    private static StatementHeader parse(CborMap map) throws FormatException {
        return StatementHeader.parse(ProtectedHeader.of(map));
    }

    /** The header's map with one change made. */
    private CborMap changed(UnaryOperator<CborMap.Builder> change, long... removed) {
        CborMap.Builder map = CborMap.builder();
        header.toCbor().entries().forEach((label, value) -> {
            for (long r : removed) {
                if (label.equals(CborInteger.of(r))) {
                    return;
                }
            }
            map.put(label, value);
        });
        return change.apply(map).build();
    }

    @Test
    void aHeaderCarriesEveryParameterUnderItsLabel() {
        CborMap map = header.toCbor();
        assertThat(map.get(1)).contains(CborInteger.of(-8));
        assertThat(map.get(4)).contains(new CborByteString(TestKeys.ed25519(1).kid()));
        assertThat(map.get(3)).contains(CborTextString.of("application/vnd.runtape.event+cbor"));
        assertThat(map.get(15)).contains(CborMap.builder()
                .put(1, CborTextString.of("svc-capture"))
                .put(2, CborTextString.of("task/task-1"))
                .put(6, CborInteger.of(StatementFixtures.IAT.getEpochSecond())).build());
        assertThat(map.get(-70001)).contains(CborTextString.of("TaskDefined"));
        assertThat(map.get(-70002)).contains(CborInteger.of(0));
        assertThat(map.get(-70003)).contains(CborTextString.of("evt-1"));
        assertThat(map.get(-70004)).contains(CborTextString.of("acme"));
        assertThat(map.get(-70005)).contains(new CborByteString(new byte[32]));
        assertThat(map.size()).isEqualTo(9);
        assertThat(RuntapeSchemas.validator("statement-header").validate(map).failures()).isEmpty();
    }

    @Test
    void aHeaderParsesBackToItself() throws Exception {
        assertThat(parse(header.toCbor())).isEqualTo(header);
        StatementHeader es256 = header(TestKeys.p256(1)).streamRevision(7).prev(Digest.sha256(new byte[] {7})).build();
        assertThat(es256.alg()).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(parse(es256.toCbor())).isEqualTo(es256);
    }

    @Test
    void theTimeOfIssueCountsWholeSeconds() {
        StatementHeader fine = header(TestKeys.ed25519(1)).iat(Instant.parse("2026-05-01T10:00:00.999Z")).build();
        assertThat(fine.iat()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void aMissingParameterIsNamed() {
        assertThatThrownBy(() -> parse(changed(m -> m, -70005)))
                .isInstanceOf(FormatException.class)
                .hasMessage("statement header: missing prev (label -70005)");
        assertThatThrownBy(() -> parse(changed(m -> m.put(15, CborMap.builder()
                .put(1, CborTextString.of("svc")).put(2, CborTextString.of("task/t")).build()), 15)))
                .hasMessage("statement header: CWT claims: missing iat (label 6)");
    }

    @Test
    void anUnexpectedParameterIsRefused() {
        assertThatThrownBy(() -> parse(changed(m -> m.put(-70006, CborTextString.of("x")))))
                .hasMessage("statement header: unexpected parameter -70006");
        assertThatThrownBy(() -> parse(changed(m -> m.put("note", CborTextString.of("x")))))
                .hasMessage("statement header: unexpected parameter \"note\"");
    }

    @Test
    void aParameterOfTheWrongTypeOrValueIsRefusedSayingWhatWasFound() {
        assertThatThrownBy(() -> parse(changed(m -> m.put(1, CborInteger.of(-35)), 1)))
                .hasMessage("statement header: alg (label 1) must be -8 (EdDSA) or -7 (ES256), found -35");
        assertThatThrownBy(() -> parse(changed(m -> m.put(3, CborTextString.of("application/cbor")), 3)))
                .hasMessage("statement header: content type (label 3) must be \"application/vnd.runtape.event+cbor\", "
                        + "found \"application/cbor\"");
        assertThatThrownBy(() -> parse(changed(m -> m.put(4, new CborByteString(new byte[31])), 4)))
                .hasMessage("statement header: kid (label 4) must be a 32-byte string, found h'"
                        + "00".repeat(31) + "'");
        assertThatThrownBy(() -> parse(changed(m -> m.put(-70002, CborInteger.of(-1)), -70002)))
                .hasMessage("statement header: stream revision (label -70002) must not be negative, found -1");
        assertThatThrownBy(() -> parse(changed(m -> m.put(-70001, CborTextString.of("TaskDeleted")), -70001)))
                .hasMessageStartingWith("statement header: unknown event type \"TaskDeleted\"");
        assertThatThrownBy(() -> parse(changed(m -> m.put(-70004, CborTextString.of("")), -70004)))
                .hasMessage("statement header: tenant must have 1 to 200 bytes of UTF-8, not 0: \"\"");
    }

    @Test
    void theSubjectMustBeAStream() {
        CborValue claims = CborMap.builder().put(1, CborTextString.of("svc")).put(2, CborTextString.of("user/1"))
                .put(6, CborInteger.of(1)).build();
        assertThatThrownBy(() -> parse(changed(m -> m.put(15, claims), 15)))
                .hasMessage("statement header: CWT claims: sub (label 2) must be a stream id "
                        + "(task|operator|trajectory|dataset)/<id>, found \"user/1\"");
    }

    @Test
    void theBuilderNamesAMissingField() {
        assertThatThrownBy(() -> StatementHeader.signedBy(TestKeys.ed25519(1)).sub(new StreamId("task/t"))
                .streamRevision(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a statement header needs its iss");
        assertThatThrownBy(() -> StatementHeader.signedBy(TestKeys.ed25519(1)).build())
                .hasMessage("a statement header needs its stream revision (0 or more)");
    }
}
