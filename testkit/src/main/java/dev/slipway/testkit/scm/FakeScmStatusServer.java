package dev.slipway.testkit.scm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit status APIs of GitHub, GitLab and Gitea on one local server, checking what the real
 * ones check: the token (401), the commit id, the state's allowed values and required fields
 * (GitHub and Gitea 422, GitLab 400), GitHub's 140-character description. Accepted statuses are
 * recorded. Paths: {@code /github/repos/{o}/{r}/statuses/{sha}}, {@code /gitlab/projects/{id}/statuses/{sha}},
 * {@code /gitea/repos/{o}/{r}/statuses/{sha}}; point each provider's API base at {@link #api}.
 */
public final class FakeScmStatusServer implements AutoCloseable {

    /** One accepted status. */
    public record Status(String provider, String repo, String sha, String state, String context, String targetUrl,
            String description) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPO_PATH = Pattern.compile("/(github|gitea)/repos/([^/]+/[^/]+)/statuses/([^/]+)");
    private static final Pattern GITLAB_PATH = Pattern.compile("/gitlab/projects/([^/]+)/statuses/([^/]+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Map<String, Set<String>> STATES = Map.of(
            "github", Set.of("error", "failure", "pending", "success"),
            "gitea", Set.of("pending", "success", "error", "failure", "warning"),
            "gitlab", Set.of("pending", "running", "success", "failed", "canceled"));

    private final HttpServer server;
    private final String token;
    private final List<Status> statuses = new CopyOnWriteArrayList<>();

    public FakeScmStatusServer(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base to configure for a provider ({@code github}, {@code gitlab}, {@code gitea}). */
    public URI api(String provider) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider);
    }

    public List<Status> statuses() {
        return List.copyOf(statuses);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Matcher repo = REPO_PATH.matcher(path);
            Matcher gitlab = GITLAB_PATH.matcher(path);
            if (!"POST".equals(exchange.getRequestMethod()) || !(repo.matches() || gitlab.matches())) {
                answer(exchange, 404, "{\"message\":\"Not Found\"}");
            } else if (repo.matches()) {
                jsonStatus(exchange, repo.group(1), repo.group(2), repo.group(3));
            } else {
                gitlabStatus(exchange, URLDecoder.decode(gitlab.group(1), StandardCharsets.UTF_8), gitlab.group(2));
            }
        }
    }

    private void jsonStatus(HttpExchange exchange, String provider, String repo, String sha) throws IOException {
        String expected = provider.equals("github") ? "Bearer " + token : "token " + token;
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            answer(exchange, 400, "{\"message\":\"Problems parsing JSON\"}");
            return;
        }
        String state = body.path("state").asText("");
        String description = body.path("description").asText("");
        if (!SHA.matcher(sha).matches() || !STATES.get(provider).contains(state)
                || (provider.equals("github") && description.length() > 140)) {
            answer(exchange, 422, "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"state\",\"code\":\"invalid\"}]}");
            return;
        }
        statuses.add(new Status(provider, repo, sha, state, body.path("context").asText("default"),
                body.path("target_url").asText(null), description));
        answer(exchange, 201, JSON.writeValueAsString(body));
    }

    private void gitlabStatus(HttpExchange exchange, String project, String sha) throws IOException {
        if (!token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
            answer(exchange, 401, "{\"message\":\"401 Unauthorized\"}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String state = query.getOrDefault("state", "");
        if (state.isEmpty()) {
            answer(exchange, 400, "{\"error\":\"state is missing\"}");
            return;
        }
        if (!STATES.get("gitlab").contains(state) || !SHA.matcher(sha).matches()) {
            answer(exchange, 400, "{\"error\":\"state does not have a valid value\"}");
            return;
        }
        statuses.add(new Status("gitlab", project, sha, state, query.getOrDefault("name", "default"),
                query.get("target_url"), query.getOrDefault("description", "")));
        answer(exchange, 201, "{\"status\":\"" + state + "\"}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
