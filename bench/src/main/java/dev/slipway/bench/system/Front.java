package dev.slipway.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What the figures say to {@code slipway up}'s HTTP front: signed pushes in, build records out. */
final class Front {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Front(URI base) {
        this.base = base;
    }

    /** What the webhook route answered a push. */
    record Answer(int status, String buildId, double millis) {
    }

    Answer push(String commit, String branch) throws IOException, InterruptedException {
        byte[] body = Deliveries.push(commit, branch);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("webhooks/github"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Deliveries.headers(UpServer.SECRET, UUID.randomUUID().toString(), body).forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        String buildId = response.statusCode() == 202 ? JSON.readTree(response.body()).path("buildId").asText() : null;
        return new Answer(response.statusCode(), buildId, millis);
    }

    /** The build's record, once dispatch wrote it. */
    Optional<JsonNode> build(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/builds/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    /** Waits for the build to end; its record. */
    JsonNode awaitEnd(String id, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> build = build(id);
            if (build.isPresent() && terminal(build.get())) {
                return build.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("build " + id + " did not end within " + within + ": " + build(id).orElse(null));
    }

    static boolean terminal(JsonNode build) {
        return switch (build.path("status").asText()) {
            case "SUCCEEDED", "FAILED", "CANCELLED", "ROLLED_BACK" -> true;
            default -> false;
        };
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }
}
