package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client subcommands' HTTP: requests to one Runtape server with the caller's API key, answers of 2xx returned,
 * anything else turned into a {@link ClientException} whose message is the problem document's title and detail.
 */
final class RuntapeClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final @Nullable String apiKey;

    RuntapeClient(URI server, @Nullable String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** A 2xx answer: its status, headers and body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        JsonNode json() throws ClientException {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new ClientException("the server's answer is not JSON: " + e.getMessage(), e);
            }
        }
    }

    Answer get(String path, String accept) throws ClientException {
        return send(request(path).header("Accept", accept).GET());
    }

    Answer postJson(String path, JsonNode body, Map<String, String> headers) throws ClientException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        headers.forEach(request::header);
        return send(request);
    }

    Answer post(String path, String contentType, byte[] body) throws ClientException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(1));
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) throws ClientException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ClientException("cannot reach " + server + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
        if (response.statusCode() / 100 == 2) {
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        }
        throw failure(response);
    }

    /** The problem document's title and detail; for any other answer its status and the start of its body. */
    private static ClientException failure(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith(PROBLEM_JSON)) {
            try {
                JsonNode problem = JSON.readTree(response.body());
                String title = problem.path("title").asText("HTTP " + response.statusCode());
                String detail = problem.path("detail").asText("");
                return new ClientException(detail.isEmpty() ? title : title + ": " + detail,
                        problem.path("type").asText(null));
            } catch (IOException e) {
                // not readable after all: report it as any other answer
            }
        }
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        int end = body.indexOf('\n');
        String start = end < 0 ? body : body.substring(0, end);
        return new ClientException("HTTP " + response.statusCode() + (start.isEmpty() ? ""
                : ": " + (start.length() > 200 ? start.substring(0, 200) + "..." : start)), (String) null);
    }
}
