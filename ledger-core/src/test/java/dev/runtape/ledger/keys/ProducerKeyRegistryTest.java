package dev.runtape.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerKeyRegistryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void aRegisteredKeyIsFoundByItsKidWithItsPrincipal() {
        ProducerKeyRegistry registry = ProducerKeyRegistry.empty();
        KeyRecord record = registry.register("svc-capture", TestKeys.ed25519(1).verificationKey(), T0);
        assertThat(registry.find(TestKeys.ed25519(1).verificationKey().thumbprint())).contains(record);
        assertThat(record.principal()).contains("svc-capture");
        assertThat(record.validAt(T0)).isTrue();
        assertThat(record.validAt(T0.minusSeconds(1))).isFalse();
        assertThat(registry.find(TestKeys.ed25519(2).verificationKey().thumbprint())).isEmpty();
    }

    @Test
    void aPrincipalMayHoldSeveralKeys() {
        ProducerKeyRegistry registry = ProducerKeyRegistry.empty();
        registry.register("svc-capture", TestKeys.ed25519(1).verificationKey(), T0);
        registry.register("svc-qa", TestKeys.ed25519(2).verificationKey(), T0);
        registry.register("svc-capture", TestKeys.p256(3).verificationKey(), T1);
        assertThat(registry.keysOf("svc-capture")).extracting(KeyRecord::kid).containsExactly(
                TestKeys.ed25519(1).verificationKey().thumbprint(), TestKeys.p256(3).verificationKey().thumbprint());
    }

    @Test
    void aKeyIsRegisteredToOnePrincipalOnly() {
        ProducerKeyRegistry registry = ProducerKeyRegistry.empty();
        registry.register("svc-capture", TestKeys.ed25519(1).verificationKey(), T0);
        assertThatThrownBy(() -> registry.register("svc-other", TestKeys.ed25519(1).verificationKey(), T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is registered already, to svc-capture");
    }

    @Test
    void aRevokedKeyStopsCountingAtItsRevocation() {
        ProducerKeyRegistry registry = ProducerKeyRegistry.empty();
        var kid = registry.register("svc", TestKeys.ed25519(1).verificationKey(), T0).kid();
        KeyRecord revoked = registry.revoke(kid, T1);
        assertThat(registry.find(kid)).contains(revoked);
        assertThat(revoked.validAt(T1.minusSeconds(1))).isTrue();
        assertThat(revoked.validAt(T1)).isFalse();
        assertThat(revoked.revokedBy(T1)).isTrue();
        assertThatThrownBy(() -> registry.revoke(TestKeys.ed25519(9).verificationKey().thumbprint(), T1))
                .hasMessageStartingWith("no producer key has kid ");
    }

    @Test
    void aRegistryIsRestoredFromRecordsThatNameTheirPrincipals() {
        KeyRecord record = KeyRecord.producerKey("svc", TestKeys.ed25519(1).verificationKey(), T0);
        assertThat(ProducerKeyRegistry.of(List.of(record)).records()).containsExactly(record);
        assertThatThrownBy(() -> ProducerKeyRegistry.of(List.of(KeyRecord.ledgerKey(TestKeys.ed25519(1).verificationKey(), T0))))
                .hasMessageEndingWith("names no principal");
        assertThatThrownBy(() -> ProducerKeyRegistry.of(List.of(record, record))).hasMessageEndingWith("appears twice");
    }
}
