package dev.runtape.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Plain HTTP requests to the service under test, with the API key and headers a test chooses. */
public final class HttpClientForTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Map<String, String> headers;

    public HttpClientForTests(String base) {
        this(base, Map.of());
    }

    private HttpClientForTests(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    public HttpClientForTests withApiKey(String key) {
        return withHeader("X-API-Key", key);
    }

    public HttpClientForTests withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpClientForTests(base, more);
    }

    public Answer get(String path) {
        return send(builder(path).GET());
    }

    public Answer postJson(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST whose body has no announced length: HTTP/1.1 sends it chunked. */
    public Answer postChunked(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public Answer send(String method, String path, @Nullable String contentType, byte[] body) {
        HttpRequest.Builder request = builder(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(builder::header);
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its body readable as JSON. */
    public record Answer(HttpResponse<byte[]> response) {

        public int status() {
            return response.statusCode();
        }

        public @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(response.body()), e);
            }
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + new String(response.body());
        }
    }
}
