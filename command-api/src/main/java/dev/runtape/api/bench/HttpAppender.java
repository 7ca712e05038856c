package dev.runtape.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Appends through the HTTP API, as a platform service does: JSON over HTTP/1.1, an API key, one request a batch. */
final class HttpAppender implements Appender {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI server;
    private final String apiKey;

    HttpAppender(URI server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    @Override
    public String path() {
        return "http";
    }

    @Override
    public void defineTask(String taskId) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("task-id", taskId)
                .put("prompt", "Make tests/test_parser.py pass").put("family", "bench");
        post("/tasks", body);
    }

    @Override
    public void start(String taskId, String trajectoryId) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("trajectory-id", trajectoryId).put("task-id", taskId);
        body.putObject("actor").put("kind", "agent").put("agent", "runtape-bench");
        post("/trajectories", body);
    }

    @Override
    public void append(String trajectoryId, long firstIndex, int count) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.set("steps", BenchSteps.steps(firstIndex, count));
        post("/trajectories/" + trajectoryId + "/steps", body);
    }

    private void post(String path, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
