package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiConsumer;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.OutputStream;
import java.io.InputStream;
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

    /**
     * POSTs {@code body} and writes the answer's bytes to {@code out} as they arrive (through a file beside it, so a
     * failed download leaves no partial file); {@code progress} is told the bytes received and the length announced.
     */
    void download(String path, JsonNode body, Path out, BiConsumer<Long, Long> progress) throws ClientException {
        HttpRequest request = request(path).timeout(Duration.ofHours(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ClientException("cannot reach " + server + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                byte[] error = in.readAllBytes();
                throw failure(new BufferedAnswer(response, error));
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (OutputStream file = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                long received = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    file.write(buffer, 0, n);
                    received += n;
                    progress.accept(received, length);
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new ClientException(out + ": cannot write the download: " + e.getMessage(), e);
        }
    }

    /** An answer whose body was read as bytes, for {@link #failure}. */
    private record BufferedAnswer(HttpResponse<InputStream> response, byte[] body) {
    }

    private static ClientException failure(BufferedAnswer answer) {
        return failure(answer.response().statusCode(), answer.response().headers().firstValue("Content-Type")
                .orElse(""), answer.body());
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
        return failure(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static ClientException failure(int status, String type, byte[] body) {
        if (type.startsWith(PROBLEM_JSON)) {
            try {
                JsonNode problem = JSON.readTree(body);
                String title = problem.path("title").asText("HTTP " + status);
                String detail = problem.path("detail").asText("");
                return new ClientException(detail.isEmpty() ? title : title + ": " + detail,
                        problem.path("type").asText(null));
            } catch (IOException e) {
                // not readable after all: report it as any other answer
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int end = text.indexOf('\n');
        String start = end < 0 ? text : text.substring(0, end);
        return new ClientException("HTTP " + status + (start.isEmpty() ? ""
                : ": " + (start.length() > 200 ? start.substring(0, 200) + "..." : start)), (String) null);
    }
}
