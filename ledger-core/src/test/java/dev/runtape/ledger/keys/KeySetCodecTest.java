package dev.runtape.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySetCodecTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    private static final List<KeyRecord> RECORDS = List.of(
            KeyRecord.ledgerKey(TestKeys.ed25519(1).verificationKey(), T0),
            new KeyRecord(TestKeys.p256(2).verificationKey(), T0, Optional.of(T1), Optional.empty()),
            KeyRecord.producerKey("svc-capture", TestKeys.ed25519(3).verificationKey(), T1));

    @TempDir
    Path dir;

    @Test
    void anExportedKeySetValidatesAgainstItsSchema() throws Exception {
        CborValue decoded = CborDecoder.decode(KeySetCodec.encode(RECORDS));
        assertThat(RuntapeSchemas.validator(RuntapeSchemas.KEY_SET).validate(decoded).failures()).isEmpty();
    }

    @Test
    void eachKeyCarriesItsValidityAndPrincipalUnderRuntapesLabels() throws Exception {
        CborArray set = (CborArray) CborDecoder.decode(KeySetCodec.encode(RECORDS));
        CborMap revoked = (CborMap) set.get(1);
        assertThat(revoked.get(-70101).orElseThrow().toString()).isEqualTo(Long.toString(T0.toEpochMilli()));
        assertThat(revoked.get(-70102).orElseThrow().toString()).isEqualTo(Long.toString(T1.toEpochMilli()));
        assertThat(revoked.get(-70103)).isEmpty();
        assertThat(((CborMap) set.get(2)).get(-70103).orElseThrow().toString()).isEqualTo("\"svc-capture\"");
        assertThat(revoked.get(2)).contains(new CborByteString(TestKeys.p256(2).verificationKey().thumbprint().bytes()));
    }

    @Test
    void aKeySetReadsBackAsItWasWritten() throws Exception {
        assertThat(KeySetCodec.decode(KeySetCodec.encode(RECORDS))).isEqualTo(RECORDS);
    }

    @Test
    void theVerifierReadsTheExportedKeySetAsCoseAndAsJwk() throws Exception {
        KeySet cose = CoseKeyCodec.decodeSet(KeySetCodec.encode(RECORDS));
        ObjectNode jwks = KeySetCodec.toJwkSet(RECORDS);
        KeySet jwk = JwkCodec.decodeSet(jwks.toString());
        List<?> expected = RECORDS.stream().map(KeyRecord::key).toList();
        assertThat(cose.keys()).isEqualTo(expected);
        assertThat(jwk.keys()).isEqualTo(expected);
        assertThat(jwks.get("keys").get(1).get("valid-from").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(jwks.get("keys").get(1).get("revoked-at").asLong()).isEqualTo(T1.toEpochMilli());
        assertThat(jwks.get("keys").get(2).get("principal").asText()).isEqualTo("svc-capture");
        assertThat(jwks.get("keys").get(0).has("revoked-at")).isFalse();
    }

    @Test
    void aKeySetThatBreaksTheSchemaIsRefusedWithThePath() {
        byte[] empty = new CborArray(List.of()).encode();
        assertThatThrownBy(() -> KeySetCodec.decode(empty)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith("key set: $");
        CborMap key = CoseKeyCodec.encode(TestKeys.ed25519(1).verificationKey());
        CborMap.Builder textTime = CborMap.builder();
        key.entries().forEach(textTime::put);
        textTime.put(-70101, CborTextString.of("yesterday"));
        assertThatThrownBy(() -> KeySetCodec.decode(CborArray.of(textTime.build()).encode()))
                .hasMessageStartingWith("key set: $[0]");
    }

    @Test
    void aKeyNamedByAnotherDigestThanItsThumbprintIsRefused() {
        CborMap key = CoseKeyCodec.encode(TestKeys.ed25519(1).verificationKey().withKid(new byte[32]));
        assertThatThrownBy(() -> KeySetCodec.decode(CborArray.of(key).encode()))
                .hasMessage("key set[0]: kid 0000000000000000000000000000000000000000000000000000000000000000 is not "
                        + "the key's RFC 9679 thumbprint " + TestKeys.ed25519(1).verificationKey().thumbprint().hex());
    }

    @Test
    void aKeySetFileIsWrittenWholeAndReadBack() throws Exception {
        Path file = dir.resolve("producers.cbor");
        KeySetFile.write(file, RECORDS);
        assertThat(KeySetFile.read(file)).isEqualTo(RECORDS);
        KeySetFile.write(file, RECORDS.subList(0, 1));
        assertThat(KeySetFile.read(file)).isEqualTo(RECORDS.subList(0, 1));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("producers.cbor");
        }
    }

    @Test
    void anEmptyKeySetIsNoFile() throws Exception {
        Path file = dir.resolve("producers.cbor");
        assertThat(KeySetFile.read(file)).isEmpty();
        KeySetFile.write(file, RECORDS);
        KeySetFile.write(file, List.of());
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> KeySetCodec.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedKeySetFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("ledger.cbor");
        Files.write(file, new byte[] {(byte) 0x81, (byte) 0xa1});
        assertThatThrownBy(() -> KeySetFile.read(file)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("key set " + file + ": key set: at byte");
    }

    @Test
    void theLedgersRingAndTheProducerRegistrySurviveARoundTripThroughTheirFiles() throws Exception {
        LedgerKeyRing ring = LedgerKeyRing.create(TestKeys.ed25519(1), T0);
        ring.rotate(TestKeys.ed25519(2), T1);
        KeySetFile.write(dir.resolve("ledger.cbor"), ring.records());
        KeyFiles.writePkcs8Pem(ring.primary(), dir.resolve("ledger-primary.pem"));
        LedgerKeyRing restored = LedgerKeyRing.restore(KeySetFile.read(dir.resolve("ledger.cbor")),
                KeyFiles.read(dir.resolve("ledger-primary.pem")));
        assertThat(restored.records()).isEqualTo(ring.records());
        assertThat(restored.primary().verificationKey()).isEqualTo(ring.primary().verificationKey());

        ProducerKeyRegistry registry = ProducerKeyRegistry.empty();
        registry.register("svc-capture", TestKeys.p256(5).verificationKey(), T0);
        registry.revoke(TestKeys.p256(5).verificationKey().thumbprint(), T1);
        KeySetFile.write(dir.resolve("producers.cbor"), registry.records());
        assertThat(ProducerKeyRegistry.of(KeySetFile.read(dir.resolve("producers.cbor"))).records())
                .isEqualTo(registry.records());
    }
}
