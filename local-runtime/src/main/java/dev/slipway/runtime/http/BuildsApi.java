package dev.slipway.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API for scripts: {@code GET /api/builds/{id}} (one build: status, stages, images) and
 * {@code GET /api/builds?repo=owner/name[&limit=N]} (recent builds of a repository, newest first).
 * Records come straight from the build store, in the same JSON as everywhere else in Slipway.
 */
public final class BuildsApi implements HttpHandler {

    public static final String PATH = "/api/builds";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final BuildStore builds;

    public BuildsApi(BuildStore builds) {
        this.builds = builds;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                HttpReplies.json(exchange, 405, HttpReplies.error("method-not-allowed", "builds are read with GET"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                list(exchange);
            } else {
                one(exchange, path.substring(PATH.length() + 1));
            }
        }
    }

    private void one(HttpExchange exchange, String id) throws IOException {
        BuildId buildId;
        try {
            buildId = BuildId.of(id);
        } catch (InvalidBuildIdException e) {
            HttpReplies.json(exchange, 400, HttpReplies.error("invalid-build-id", e.getMessage()));
            return;
        }
        Optional<BuildRecord> build = builds.find(buildId);
        if (build.isEmpty()) {
            HttpReplies.json(exchange, 404, HttpReplies.error("no-such-build", "no build " + id
                    + " is recorded; the webhook's answer names the build id (GET " + PATH + "?repo=owner/name lists builds)"));
            return;
        }
        HttpReplies.json(exchange, 200, build.get());
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String repo = query.get("repo");
        if (repo == null || repo.isBlank()) {
            HttpReplies.json(exchange, 400, HttpReplies.error("missing-repo",
                    "name the repository: " + PATH + "?repo=owner/name (optionally &limit=N, at most " + MAX_LIMIT + ")"));
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            HttpReplies.json(exchange, 400, HttpReplies.error("invalid-limit",
                    "limit is a number from 1 to " + MAX_LIMIT + ", not '" + query.get("limit") + "'"));
            return;
        }
        List<BuildRecord> latest = builds.latestForRepo(repo, limit);
        HttpReplies.json(exchange, 200, Map.of("repo", repo, "builds", latest));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
