package dev.runtape.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.StatementHeader;
import dev.runtape.ledger.statement.StatementLabels;
import dev.runtape.ledger.statement.StatementSigner;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.SigningKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/**
 * A producer that signs its own statements: a fresh Ed25519 key, registered to its principal over HTTP by an admin,
 * and the statements it signs with it for its tenant.
 */
public final class ProducerForTests {

    private final String principal;
    private final String tenant;
    private final SigningKey key = Ed25519SigningKey.generate(new SecureRandom());

    public ProducerForTests(String principal, String tenant) {
        this.principal = principal;
        this.tenant = tenant;
    }

    public String principal() {
        return principal;
    }

    public SigningKey key() {
        return key;
    }

    /** Registers the key to the principal with {@code POST /admin/producer-keys}. */
    public ProducerForTests registeredBy(HttpClientForTests admin) {
        HttpClientForTests.Answer answer = admin.postJson("/admin/producer-keys", """
                {"principal": "%s", "jwk": %s}""".formatted(principal, JwkCodec.encode(key.verificationKey())));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return this;
    }

    /** A statement of {@code event} at {@code revision} of {@code stream}, issued now, for this tenant. */
    public byte[] sign(Object event, StreamId stream, long revision, Digest prev, String eventId) {
        return sign(event, stream, revision, prev, eventId, tenant);
    }

    /** The same, for the tenant named. */
    public byte[] sign(Object event, StreamId stream, long revision, Digest prev, String eventId, String inTenant) {
        StatementHeader header = StatementHeader.signedBy(key).iss(principal).sub(stream).iat(Instant.now())
                .eventType(EventCatalogue.eventType(event).orElseThrow()).streamRevision(revision).eventId(eventId)
                .tenant(inTenant).prev(prev).build();
        return StatementSigner.sign(header, PayloadCodec.encode(event), key).bytes();
    }

    /**
     * The statement {@link #startTrajectory} makes, with its event type changed to {@code eventType} (which the
     * catalogue need not have) and signed again: well made in every other way.
     */
    public byte[] startTrajectoryAs(String eventType, String trajectory, String task, String eventId) {
        try {
            CoseSign1 made = CoseSign1.decode(startTrajectory(trajectory, task, eventId));
            Sign1Builder builder = Sign1Builder.signingWith(key);
            for (Map.Entry<CborValue, CborValue> parameter : made.protectedHeader().map().entries().entrySet()) {
                long label = ((CborInteger) parameter.getKey()).longValueExact();
                if (label == HeaderLabels.ALG || label == HeaderLabels.KID) {
                    continue;
                }
                builder.protectedParameter(label, label == StatementLabels.EVENT_TYPE ? CborTextString.of(eventType)
                        : parameter.getValue());
            }
            return builder.sign(made.payload().orElseThrow()).encode();
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
    }

    /** The first statement of a new trajectory on {@code task}, by an agent. */
    public byte[] startTrajectory(String trajectory, String task, String eventId) {
        return sign(new TrajectoryStarted(trajectory, task, new Actor.Agent("signing-agent", "1.0"), null, null, null,
                null, null, null, null), StreamId.of(StreamId.Kind.TRAJECTORY, trajectory), 0, Digest.ZERO, eventId);
    }
}
