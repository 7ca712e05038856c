package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.ProtectedHeader;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The protected header of a Runtape statement (statement.cddl, {@code statement-header}): who signed ({@code alg},
 * {@code kid}), whom it speaks for ({@code iss}), the stream ({@code sub}), when ({@code iat}), and the ledger's own
 * parameters. Its content type is always {@value StatementLabels#CONTENT_TYPE}.
 *
 * @param kid the RFC 9679 thumbprint of the signing key
 * @param iss the principal the statement speaks for
 * @param sub the stream
 * @param iat the time of issue, in whole seconds (a finer instant is truncated: the claim counts seconds)
 * @param streamRevision the event's position in its stream, from 0
 * @param eventId the producer's id of the event
 * @param prev SHA-256 of the stream's previous statement, {@link Digest#ZERO} for the first
 */
public record StatementHeader(SignatureAlgorithm alg, Digest kid, String iss, StreamId sub, Instant iat,
        String eventType, long streamRevision, String eventId, String tenant, Digest prev) {

    private static final Set<Long> LABELS = Set.of(HeaderLabels.ALG, HeaderLabels.KID, HeaderLabels.CONTENT_TYPE,
            HeaderLabels.CWT_CLAIMS, StatementLabels.EVENT_TYPE, StatementLabels.STREAM_REVISION,
            StatementLabels.EVENT_ID, StatementLabels.TENANT, StatementLabels.PREV);
    private static final Set<Long> CLAIMS = Set.of(StatementLabels.CLAIM_ISS, StatementLabels.CLAIM_SUB,
            StatementLabels.CLAIM_IAT);
    private static final Set<String> EVENT_TYPES = Set.copyOf(RuntapeSchemas.EVENT_TYPES);
    private static final CborTextString CONTENT_TYPE = CborTextString.of(StatementLabels.CONTENT_TYPE);

    public StatementHeader {
        if (alg != SignatureAlgorithm.EDDSA && alg != SignatureAlgorithm.ES256) {
            throw new IllegalArgumentException("statements are signed with EdDSA (-8) or ES256 (-7), not " + alg);
        }
        requireId("iss", iss);
        requireId("event id", eventId);
        requireId("tenant", tenant);
        if (!EVENT_TYPES.contains(eventType)) {
            throw new IllegalArgumentException("unknown event type \"" + eventType + "\" (expected one of "
                    + RuntapeSchemas.EVENT_TYPES + ")");
        }
        if (streamRevision < 0) {
            throw new IllegalArgumentException("stream revisions start at 0: " + streamRevision);
        }
        if (iat.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("iat must not be before 1970: " + iat);
        }
        iat = iat.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A builder for a header signed by {@code key}: {@code alg} and {@code kid} come from the key. */
    public static Builder signedBy(SigningKey key) {
        return new Builder(key);
    }

    /**
     * The header of a statement, read strictly: every parameter statement.cddl requires, of its type, and no other.
     *
     * @throws FormatException naming the parameter that is missing, of the wrong type or value, or unexpected
     */
    public static StatementHeader parse(ProtectedHeader header) throws FormatException {
        HeaderReader reader = new HeaderReader(header.map(), "statement header");
        reader.onlyLabels(LABELS);
        long algId = reader.integer(HeaderLabels.ALG, "alg");
        SignatureAlgorithm alg = SignatureAlgorithm.ofCoseId(algId)
                .filter(a -> a == SignatureAlgorithm.EDDSA || a == SignatureAlgorithm.ES256)
                .orElseThrow(() -> new FormatException("statement header: alg (label 1) must be -8 (EdDSA) or -7 "
                        + "(ES256), found " + algId));
        String contentType = reader.text(HeaderLabels.CONTENT_TYPE, "content type");
        if (!contentType.equals(StatementLabels.CONTENT_TYPE)) {
            throw new FormatException("statement header: content type (label 3) must be \""
                    + StatementLabels.CONTENT_TYPE + "\", found \"" + contentType + "\"");
        }
        HeaderReader claims = new HeaderReader(reader.map(HeaderLabels.CWT_CLAIMS, "CWT claims"),
                "statement header: CWT claims");
        claims.onlyLabels(CLAIMS);
        String sub = claims.text(StatementLabels.CLAIM_SUB, "sub");
        if (!StreamId.isValid(sub)) {
            throw new FormatException("statement header: CWT claims: sub (label 2) must be a stream id "
                    + "(task|operator|trajectory|dataset)/<id>, found \"" + sub + "\"");
        }
        try {
            return new StatementHeader(alg, reader.digest(HeaderLabels.KID, "kid"),
                    claims.text(StatementLabels.CLAIM_ISS, "iss"), new StreamId(sub),
                    Instant.ofEpochSecond(claims.unsigned(StatementLabels.CLAIM_IAT, "iat")),
                    reader.text(StatementLabels.EVENT_TYPE, "event type"),
                    reader.unsigned(StatementLabels.STREAM_REVISION, "stream revision"),
                    reader.text(StatementLabels.EVENT_ID, "event id"),
                    reader.text(StatementLabels.TENANT, "tenant"),
                    reader.digest(StatementLabels.PREV, "prev"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new FormatException("statement header: " + e.getMessage(), e);
        }
    }

    /** The header of a parsed COSE_Sign1. */
    public static StatementHeader parse(CoseSign1 message) throws FormatException {
        return parse(message.protectedHeader());
    }

    /** The header as the map a statement carries, ready to sign. */
    public CborMap toCbor() {
        CborMap.Builder map = CborMap.builder()
                .put(HeaderLabels.ALG, CborInteger.of(alg.coseId()))
                .put(HeaderLabels.KID, new CborByteString(kid.bytes()));
        forEachParameterBesidesKey(map::put);
        return map.build();
    }

    /** Adds every parameter but {@code alg} and {@code kid}, which the builder takes from the key. */
    Sign1Builder addTo(Sign1Builder builder) {
        forEachParameterBesidesKey(builder::protectedParameter);
        return builder;
    }

    private void forEachParameterBesidesKey(BiConsumer<Long, CborValue> parameters) {
        parameters.accept(HeaderLabels.CONTENT_TYPE, CONTENT_TYPE);
        parameters.accept(HeaderLabels.CWT_CLAIMS, claims());
        parameters.accept(StatementLabels.EVENT_TYPE, CborTextString.of(eventType));
        parameters.accept(StatementLabels.STREAM_REVISION, CborInteger.of(streamRevision));
        parameters.accept(StatementLabels.EVENT_ID, CborTextString.of(eventId));
        parameters.accept(StatementLabels.TENANT, CborTextString.of(tenant));
        parameters.accept(StatementLabels.PREV, new CborByteString(prev.bytes()));
    }

    private CborMap claims() {
        return CborMap.builder()
                .put(StatementLabels.CLAIM_ISS, CborTextString.of(iss))
                .put(StatementLabels.CLAIM_SUB, CborTextString.of(sub.value()))
                .put(StatementLabels.CLAIM_IAT, CborInteger.of(iat.getEpochSecond()))
                .build();
    }

    private static void requireId(String what, String value) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length < 1 || length > 200) {
            throw new IllegalArgumentException(what + " must have 1 to 200 bytes of UTF-8, not " + length
                    + ": \"" + value + "\"");
        }
    }

    /** Collects a header's fields by name, so that its several text fields cannot be swapped unnoticed. */
    public static final class Builder {

        private final SignatureAlgorithm alg;
        private final Digest kid;
        private @Nullable String iss;
        private @Nullable StreamId sub;
        private @Nullable Instant iat;
        private @Nullable String eventType;
        private long streamRevision = -1;
        private @Nullable String eventId;
        private @Nullable String tenant;
        private Digest prev = Digest.ZERO;

        private Builder(SigningKey key) {
            this.alg = key.algorithm();
            try {
                this.kid = Digest.of(key.kid());
            } catch (FormatException e) {
                throw new IllegalArgumentException("a statement's kid is a 32-byte thumbprint; this key's kid has "
                        + key.kid().length + " bytes", e);
            }
        }

        public Builder iss(String principal) {
            this.iss = principal;
            return this;
        }

        public Builder sub(StreamId stream) {
            this.sub = stream;
            return this;
        }

        public Builder iat(Instant issuedAt) {
            this.iat = issuedAt;
            return this;
        }

        public Builder eventType(String type) {
            this.eventType = type;
            return this;
        }

        public Builder streamRevision(long revision) {
            this.streamRevision = revision;
            return this;
        }

        public Builder eventId(String id) {
            this.eventId = id;
            return this;
        }

        public Builder tenant(String name) {
            this.tenant = name;
            return this;
        }

        /** The previous statement's digest; {@link Digest#ZERO} (the default) for a stream's first. */
        public Builder prev(Digest previous) {
            this.prev = previous;
            return this;
        }

        /**
         * The header.
         *
         * @throws IllegalArgumentException naming a field that is missing or out of range
         */
        public StatementHeader build() {
            if (streamRevision < 0) {
                throw new IllegalArgumentException("a statement header needs its stream revision (0 or more)");
            }
            return new StatementHeader(alg, kid, required(iss, "iss"), required(sub, "sub"), required(iat, "iat"),
                    required(eventType, "event type"), streamRevision, required(eventId, "event id"),
                    required(tenant, "tenant"), prev);
        }

        private static <T> T required(@Nullable T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("a statement header needs its " + name);
            }
            return value;
        }
    }
}
