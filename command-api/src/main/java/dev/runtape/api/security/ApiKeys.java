package dev.runtape.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.runtape.ledger.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The API keys of one data directory ({@code <data>/api-keys.json}). A key is {@code rtk_<id>_<secret>}: the id finds
 * its record, and only the SHA-256 of the 256-bit random secret is stored, compared in constant time (a secret that
 * long needs no slow hash). On the first start an admin key is made and written to {@code <data>/admin-api-key},
 * readable by its owner only.
 */
public final class ApiKeys {

    private static final String PREFIX = "rtk_";
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

    private final Path file;
    private final Path adminKeyFile;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, StoredKey> keys = new LinkedHashMap<>();
    private @Nullable String firstAdminKey;

    private ApiKeys(Path dataDirectory, Clock clock) {
        this.file = dataDirectory.resolve("api-keys.json");
        this.adminKeyFile = dataDirectory.resolve("admin-api-key");
        this.clock = clock;
    }

    /** Opens the keys of {@code dataDirectory}, making the first admin key (tenant {@code default}) if there are none. */
    public static ApiKeys open(Path dataDirectory, Clock clock) {
        ApiKeys apiKeys = new ApiKeys(dataDirectory, clock);
        try {
            Files.createDirectories(dataDirectory);
            if (Files.exists(apiKeys.file)) {
                for (StoredKey key : JSON.readValue(apiKeys.file.toFile(), new TypeReference<List<StoredKey>>() {
                })) {
                    apiKeys.keys.put(key.id(), key);
                }
            } else {
                IssuedKey admin = apiKeys.issue("admin", "default", Set.of(Role.ADMIN));
                AtomicFiles.write(apiKeys.adminKeyFile, (admin.key() + "\n").getBytes(StandardCharsets.US_ASCII),
                        true);
                apiKeys.firstAdminKey = admin.key();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the API keys in " + dataDirectory, e);
        }
        return apiKeys;
    }

    /** The admin key made by this start, if the data directory had no keys before. */
    public Optional<String> firstAdminKey() {
        return Optional.ofNullable(firstAdminKey);
    }

    public Path adminKeyFile() {
        return adminKeyFile;
    }

    /** Makes and stores a key for {@code principal} in {@code tenant} with {@code roles}. */
    public synchronized IssuedKey issue(String principal, String tenant, Set<Role> roles) {
        Caller caller = new Caller(principal, tenant, roles);
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        StoredKey record = new StoredKey(id, sha256(secretText), caller.principal(), caller.tenant(),
                new TreeSet<>(caller.roles()), clock.instant(), null);
        keys.put(id, record);
        save();
        return new IssuedKey(PREFIX + id + "_" + secretText, record);
    }

    /** Revokes a key by its id; it stays listed, with the time of revocation. */
    public synchronized Optional<StoredKey> revoke(String id) {
        StoredKey key = keys.get(id);
        if (key == null) {
            return Optional.empty();
        }
        StoredKey revoked = key.revoked() != null ? key : new StoredKey(key.id(), key.secretSha256(),
                key.principal(), key.tenant(), key.roles(), key.created(), clock.instant());
        keys.put(id, revoked);
        save();
        return Optional.of(revoked);
    }

    public synchronized List<StoredKey> list() {
        return List.copyOf(keys.values());
    }

    /** The caller a presented key stands for, if it is a key of this store and not revoked. */
    public Optional<Caller> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 128) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        StoredKey key;
        synchronized (this) {
            key = keys.get(presented.substring(PREFIX.length(), separator));
        }
        if (key == null || key.revoked() != null) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().parseHex(key.secretSha256());
        byte[] actual = HexFormat.of().parseHex(sha256(presented.substring(separator + 1)));
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(key.principal(), key.tenant(), key.roles()));
    }

    private void save() {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new ArrayList<>(keys.values())), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
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
