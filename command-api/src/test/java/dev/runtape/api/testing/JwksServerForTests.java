package dev.runtape.api.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An identity provider for tests: a JWK Set served over real HTTP (as {@code jwk-set-uri} fetches it) and the RSA key
 * behind it, to sign access tokens with. Also a second key of the same id that the set does not hold, for tokens
 * with a wrong signature.
 */
public final class JwksServerForTests implements AutoCloseable {

    public static final String KEY_ID = "test-key-1";

    private final RSAKey key;
    private final RSAKey impostor;
    private final HttpServer server;

    private JwksServerForTests(RSAKey key, RSAKey impostor, HttpServer server) {
        this.key = key;
        this.impostor = impostor;
        this.server = server;
    }

    /** Starts serving {@code /jwks.json} on a free port of the loopback interface. */
    public static JwksServerForTests start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            RSAKey impostor = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new JwksServerForTests(key, impostor, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make an RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** A token with {@code claims}, signed by the key the JWK Set publishes. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** A token with {@code claims} and the published key's id, signed by another key. */
    public String signWithWrongKey(JWTClaimsSet claims) {
        return sign(claims, impostor);
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                claims);
        try {
            token.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return token.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
