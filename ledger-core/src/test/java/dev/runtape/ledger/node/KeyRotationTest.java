package dev.runtape.ledger.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating, revoking and registering keys on a running node, and finding them all again after a restart. */
class KeyRotationTest {

    @TempDir
    Path directory;

    private static void enrol(LedgerNode node, String operator) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(new EnrolOperator(operator, null))
                .andMetaData(Map.of(LedgerMetaData.EVENT_ID, "enrol-" + operator)));
    }

    private static Digest signer(LedgerNode node, String eventId) throws Exception {
        return Statement.read(node.log().findByEventId(eventId).orElseThrow().statement()).header().kid();
    }

    @Test
    void aRotatedKeySignsFromThenOnAndEveryKeySurvivesARestart() throws Exception {
        Path data = directory.resolve("data");
        Path imported = directory.resolve("imported.pem");
        SigningKey next = P256SigningKey.generate(new SecureRandom());
        SigningKey producer = Ed25519SigningKey.generate(new SecureRandom());
        KeyFiles.writePkcs8Pem(next, imported);
        Digest first;
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(data))) {
            first = node.keys().primary().verificationKey().thumbprint();
            enrol(node, "op-1");
            node.rotateLedgerKey(KeyFiles.read(imported), Instant.now());
            enrol(node, "op-2");
            node.revokeLedgerKey(first, Instant.now().plusSeconds(3600));
            node.registerProducerKey("capture-service", producer.verificationKey(), Instant.now());

            assertThat(signer(node, "enrol-op-1")).isEqualTo(first);
            assertThat(signer(node, "enrol-op-2")).isEqualTo(next.verificationKey().thumbprint());
        }
        try (LedgerNode again = LedgerNode.start(NodeSettings.embedded(data))) {
            assertThat(again.keys().primary().verificationKey().thumbprint())
                    .isEqualTo(next.verificationKey().thumbprint());
            assertThat(again.keys().find(first).flatMap(KeyRecord::revokedAt)).isPresent();
            assertThat(again.producers().find(producer.verificationKey().thumbprint()).flatMap(KeyRecord::principal))
                    .contains("capture-service");
            enrol(again, "op-3");
            assertThat(signer(again, "enrol-op-3")).isEqualTo(next.verificationKey().thumbprint());
        }
    }
}
