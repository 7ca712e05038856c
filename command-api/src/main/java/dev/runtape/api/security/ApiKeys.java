package dev.runtape.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.runtape.ledger.cluster.DirectoryDocuments;
import dev.runtape.ledger.cluster.SharedDocument;
import dev.runtape.ledger.cluster.SharedDocuments;
import dev.runtape.ledger.cluster.SharedStateException;
import dev.runtape.ledger.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API keys: the records of {@value #DOCUMENT}, a document of the node's data directory or, for nodes sharing a
 * ledger, of the database they share (decision 0022). A key is {@code rtk_<id>_<secret>}: the id finds its record,
 * and only the SHA-256 of the 256-bit random secret is stored, compared in constant time (a secret that long needs no
 * slow hash). When there are no keys yet an admin key is made (or taken from the deployment's secret, when given)
 * and written to {@code <data>/admin-api-key}, readable by its owner only.
 *
 * <p>A change reads the newest document, changes a copy and replaces it from the version it read, again when another
 * node got there first. Nodes sharing the document take on each other's changes every refresh interval, and at once
 * for a key id they do not know, so a key issued on one node works on the others straight away.
 */
public final class ApiKeys {

    static final String DOCUMENT = "api-keys.json";
    private static final String PREFIX = "rtk_";
    private static final int ATTEMPTS = 16;
    /** A key a deployment makes itself: the form of an issued one, a secret of at least 256 bits. */
    private static final Pattern GIVEN_KEY = Pattern.compile("rtk_[0-9a-f]{12}_[A-Za-z0-9_-]{43,100}");
    /** The least time between two refreshes an unknown key id sets off: random ids must not hammer the database. */
    private static final Duration MISS_REFRESH = Duration.ofMillis(200);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One key as stored: never its secret. */
    public record StoredKey(String id, @JsonProperty("secret-sha256") String secretSha256, String principal,
            String tenant, Set<Role> roles, Instant created, @Nullable Instant revoked) {
    }

    /** A key just made: the only time its full text exists. */
    public record IssuedKey(String key, StoredKey record) {
    }

    /** The keys at one version of the document: replaced whole. */
    private record Snapshot(long version, Map<String, StoredKey> keys, Instant read) {
    }

    private final SharedDocuments documents;
    private final Path adminKeyFile;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Optional<Duration> refreshEvery;
    private volatile Snapshot snapshot;
    private volatile Instant lastMissRefresh = Instant.EPOCH;
    private @Nullable String firstAdminKey;

    private ApiKeys(SharedDocuments documents, Path dataDirectory, Clock clock, Optional<Duration> refreshEvery) {
        this.documents = documents;
        this.adminKeyFile = dataDirectory.resolve("admin-api-key");
        this.clock = clock;
        this.refreshEvery = refreshEvery;
        this.snapshot = new Snapshot(0, Map.of(), Instant.EPOCH);
    }

    /** The keys of a node on its own, in {@code <data>/api-keys.json}; the first admin key made when there are none. */
    public static ApiKeys open(Path dataDirectory, Clock clock) {
        return open(DirectoryDocuments.in(dataDirectory), dataDirectory, clock, Optional.empty(), Optional.empty());
    }

    /**
     * The keys in {@code documents}, refreshed every {@code refreshEvery} when other nodes share them. When those
     * hold none yet, a node sharing them brings the keys of its own data directory if it has any (a node on its own
     * joining others); else the first admin key is made.
     *
     * @param givenAdminKey the first admin key, when the deployment gives one (a secret), instead of a new one
     * @throws IllegalArgumentException if the given admin key is not an API key's text
     */
    public static ApiKeys open(SharedDocuments documents, Path dataDirectory, Clock clock,
            Optional<String> givenAdminKey, Optional<Duration> refreshEvery) {
        ApiKeys apiKeys = new ApiKeys(documents, dataDirectory, clock, refreshEvery);
        apiKeys.refresh();
        if (apiKeys.snapshot.version() == 0 && refreshEvery.isPresent()) {
            // A node joining others brings the keys of its own data directory, if it has any.
            DirectoryDocuments.in(dataDirectory).read(DOCUMENT)
                    .ifPresent(own -> documents.replace(DOCUMENT, 0, own.bytes()));
            apiKeys.refresh();
        }
        if (apiKeys.snapshot.version() == 0) {
            apiKeys.found(givenAdminKey.map(String::strip), dataDirectory);
        }
        return apiKeys;
    }

    /** The first admin key, unless another node made it first. */
    private void found(Optional<String> givenAdminKey, Path dataDirectory) {
        IssuedKey admin = givenAdminKey.map(this::given).orElseGet(() -> make("admin", "default", Set.of(Role.ADMIN)));
        byte[] bytes = encode(Map.of(admin.record().id(), admin.record()));
        if (!documents.replace(DOCUMENT, 0, bytes)) {
            refresh();
            return;
        }
        refresh();
        if (givenAdminKey.isPresent()) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            AtomicFiles.write(adminKeyFile, (admin.key() + "\n").getBytes(StandardCharsets.US_ASCII), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the first admin key to " + adminKeyFile, e);
        }
        firstAdminKey = admin.key();
    }

    /** The admin key a deployment gives, as it would have been issued. */
    private IssuedKey given(String key) {
        Optional<String[]> parts = parts(key);
        if (parts.isEmpty() || !GIVEN_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("the given admin API key is not rtk_<12 hex digits>_<secret of 43 or "
                    + "more base64url characters>");
        }
        StoredKey record = new StoredKey(parts.get()[0], sha256(parts.get()[1]), "admin", "default",
                new TreeSet<>(Set.of(Role.ADMIN)), clock.instant(), null);
        return new IssuedKey(key, record);
    }

    /** The admin key made by this start, if the data directory had no keys before. */
    public Optional<String> firstAdminKey() {
        return Optional.ofNullable(firstAdminKey);
    }

    public Path adminKeyFile() {
        return adminKeyFile;
    }

    /** Makes and stores a key for {@code principal} in {@code tenant} with {@code roles}. */
    public IssuedKey issue(String principal, String tenant, Set<Role> roles) {
        IssuedKey issued = make(principal, tenant, roles);
        change(keys -> keys.put(issued.record().id(), issued.record()));
        return issued;
    }

    private IssuedKey make(String principal, String tenant, Set<Role> roles) {
        Caller caller = new Caller(principal, tenant, roles);
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        StoredKey record = new StoredKey(id, sha256(secretText), caller.principal(), caller.tenant(),
                new TreeSet<>(caller.roles()), clock.instant(), null);
        return new IssuedKey(PREFIX + id + "_" + secretText, record);
    }

    /** Revokes a key by its id; it stays listed, with the time of revocation. */
    public Optional<StoredKey> revoke(String id) {
        Instant now = clock.instant();
        if (!read().keys().containsKey(id)) {
            return Optional.empty();
        }
        return change(keys -> {
            StoredKey key = keys.get(id);
            if (key != null && key.revoked() == null) {
                keys.put(id, new StoredKey(key.id(), key.secretSha256(), key.principal(), key.tenant(), key.roles(),
                        key.created(), now));
            }
        }).keys().values().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    public List<StoredKey> list() {
        refreshIfDue();
        return List.copyOf(snapshot.keys().values());
    }

    /** The caller a presented key stands for, if it is a key of this store and not revoked. */
    public Optional<Caller> authenticate(String presented) {
        Optional<String[]> parts = parts(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        refreshIfDue();
        StoredKey key = snapshot.keys().get(parts.get()[0]);
        if (key == null && refreshEvery.isPresent() && clock.instant().isAfter(lastMissRefresh.plus(MISS_REFRESH))) {
            // Perhaps issued on another node a moment ago.
            lastMissRefresh = clock.instant();
            refresh();
            key = snapshot.keys().get(parts.get()[0]);
        }
        if (key == null || key.revoked() != null) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().parseHex(key.secretSha256());
        byte[] actual = HexFormat.of().parseHex(sha256(parts.get()[1]));
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(key.principal(), key.tenant(), key.roles()));
    }

    /** The id and the secret of a key's text, if it has the form of one. */
    private static Optional<String[]> parts(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 128) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {presented.substring(PREFIX.length(), separator),
                presented.substring(separator + 1)});
    }

    /** Applies {@code edit} to the newest keys and stores them, again from what another node wrote first. */
    private synchronized Snapshot change(Consumer<Map<String, StoredKey>> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Snapshot current = read();
            Map<String, StoredKey> keys = new LinkedHashMap<>(current.keys());
            edit.accept(keys);
            if (documents.replace(DOCUMENT, current.version(), encode(keys))) {
                snapshot = new Snapshot(current.version() + 1, Collections.unmodifiableMap(keys), clock.instant());
                return snapshot;
            }
        }
        throw new SharedStateException("the API keys changed under " + ATTEMPTS + " attempts in a row: other nodes "
                + "keep changing them; try again");
    }

    private void refreshIfDue() {
        if (refreshEvery.isPresent() && clock.instant().isAfter(snapshot.read().plus(refreshEvery.get()))) {
            refresh();
        }
    }

    private void refresh() {
        snapshot = read();
    }

    private Snapshot read() {
        Optional<SharedDocument> stored = documents.read(DOCUMENT);
        if (stored.isEmpty()) {
            return new Snapshot(0, Map.of(), clock.instant());
        }
        Map<String, StoredKey> keys = new LinkedHashMap<>();
        try {
            for (StoredKey key : JSON.readValue(stored.get().bytes(), new TypeReference<List<StoredKey>>() {
            })) {
                keys.put(key.id(), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the API keys (" + DOCUMENT + ") cannot be read: " + e.getMessage(), e);
        }
        return new Snapshot(stored.get().version(), Collections.unmodifiableMap(keys), clock.instant());
    }

    private static byte[] encode(Map<String, StoredKey> keys) {
        try {
            return JSON.writeValueAsBytes(new ArrayList<>(keys.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("API keys are always JSON", e);
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
