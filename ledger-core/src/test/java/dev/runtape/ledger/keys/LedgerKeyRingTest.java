package dev.runtape.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.keys.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerKeyRingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T00:00:00Z");

    private final SigningKey first = TestKeys.ed25519(1);
    private final SigningKey second = TestKeys.p256(2);
    private final SigningKey third = TestKeys.ed25519(3);

    @Test
    void aKeyRotatedInWithinTheSameSecondIsStillThePrimaryOnceRestored() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0.plusMillis(100));
        ring.rotate(second, T0.plusMillis(900));

        // Key sets keep whole seconds: both keys are valid from T0, and the one that joined last signs.
        assertThat(LedgerKeyRing.primaryOf(ring.records()).orElseThrow().kid())
                .isEqualTo(second.verificationKey().thumbprint());
        assertThat(LedgerKeyRing.restore(ring.records(), second).primary()).isEqualTo(second);
    }

    @Test
    void aNewRingSignsWithItsOnlyKey() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        assertThat(ring.primary()).isSameAs(first);
        assertThat(ring.primaryRecord()).isEqualTo(KeyRecord.ledgerKey(first.verificationKey(), T0));
        assertThat(ring.records()).hasSize(1);
    }

    @Test
    void aRotationMakesANewPrimaryAndKeepsTheOldKeyForVerification() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        ring.rotate(second, T1);
        assertThat(ring.primary()).isSameAs(second);
        assertThat(ring.primaryRecord().validFrom()).isEqualTo(T1);
        assertThat(ring.findValidAt(first.verificationKey().thumbprint(), T2)).isPresent();
        assertThat(ring.findValidAt(second.verificationKey().thumbprint(), T1)).isPresent();
        assertThat(ring.findValidAt(second.verificationKey().thumbprint(), T0)).as("before its valid-from").isEmpty();
        assertThat(ring.records()).extracting(KeyRecord::kid)
                .containsExactly(first.verificationKey().thumbprint(), second.verificationKey().thumbprint());
    }

    @Test
    void aRevokedKeyCountsOnlyBeforeItsRevocation() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        ring.rotate(second, T1);
        ring.revoke(first.verificationKey().thumbprint(), T2);
        var kid = first.verificationKey().thumbprint();
        assertThat(ring.findValidAt(kid, T2.minusSeconds(1))).isPresent();
        assertThat(ring.findValidAt(kid, T2)).isEmpty();
        assertThat(ring.find(kid).orElseThrow().revokedAt()).contains(T2);
    }

    @Test
    void aRevocationCanBeBroughtForwardButNotPutBack() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        ring.rotate(second, T1);
        var kid = first.verificationKey().thumbprint();
        ring.revoke(kid, T2);
        ring.revoke(kid, T1);
        assertThat(ring.find(kid).orElseThrow().revokedAt()).contains(T1);
        ring.revoke(kid, T2);
        assertThat(ring.find(kid).orElseThrow().revokedAt()).contains(T1);
    }

    @Test
    void thePrimaryCannotBeRevokedWithoutARotationFirst() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        assertThatThrownBy(() -> ring.revoke(first.verificationKey().thumbprint(), T1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("key " + first.verificationKey().thumbprint().hex()
                        + " is the primary: rotate to a new key before revoking it");
        assertThat(ring.primary()).isSameAs(first);
    }

    @Test
    void anUnknownKeyCannotBeRevoked() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        assertThatThrownBy(() -> ring.revoke(third.verificationKey().thumbprint(), T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no ledger key has kid ");
    }

    @Test
    void aRotationRefusesAKnownKeyAndATimeBeforeThePrimary() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T1);
        assertThatThrownBy(() -> ring.rotate(first, T2)).hasMessageEndingWith("is in the ring already");
        assertThatThrownBy(() -> ring.rotate(second, T0))
                .hasMessage("a rotation at 2026-01-01T00:00:00Z would precede the current primary, valid from "
                        + "2026-02-01T00:00:00Z");
        assertThat(ring.primary()).isSameAs(first);
    }

    @Test
    void aKeyMadePrimaryWithinASecondCountsForStatementsIssuedInThatSecond() {
        // iat counts whole seconds: a key valid from 12:00:00.700 must sign a statement whose iat is 12:00:00.
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        Instant now = Instant.parse("2026-04-01T12:00:00.700Z");
        ring.rotate(second, now);
        assertThat(ring.findValidAt(second.verificationKey().thumbprint(), Instant.parse("2026-04-01T12:00:00Z")))
                .isPresent();
    }

    @Test
    void aRingIsRestoredFromItsKeySetAndPrimary() {
        LedgerKeyRing ring = LedgerKeyRing.create(first, T0);
        ring.rotate(second, T1);
        ring.revoke(first.verificationKey().thumbprint(), T2);
        LedgerKeyRing restored = LedgerKeyRing.restore(ring.records(), second);
        assertThat(restored.records()).isEqualTo(ring.records());
        assertThat(restored.primary()).isSameAs(second);
    }

    @Test
    void aRestoreRefusesAPrimaryThatIsNotTheLatestUnrevokedKey() {
        List<KeyRecord> records = List.of(KeyRecord.ledgerKey(first.verificationKey(), T0),
                KeyRecord.ledgerKey(second.verificationKey(), T1));
        assertThatThrownBy(() -> LedgerKeyRing.restore(records, first))
                .hasMessageContaining("the primary is the unrevoked key made valid last");
        assertThatThrownBy(() -> LedgerKeyRing.restore(records, third))
                .hasMessageEndingWith("is not in the key set");
        List<KeyRecord> revoked = List.of(KeyRecord.ledgerKey(first.verificationKey(), T0).revokedFrom(T1));
        assertThatThrownBy(() -> LedgerKeyRing.restore(revoked, first)).hasMessageEndingWith("is revoked");
        List<KeyRecord> producers = List.of(KeyRecord.producerKey("svc", first.verificationKey(), T0));
        assertThatThrownBy(() -> LedgerKeyRing.restore(producers, first)).hasMessageContaining("producer's key");
    }

    @Test
    void keyRecordsRefuseAKeyNamedByAnotherKid() {
        var renamed = first.verificationKey().withKid(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> new KeyRecord(renamed, T0, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 9679 thumbprint");
    }
}
