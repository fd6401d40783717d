package dev.slipway.runtime.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import dev.slipway.runtime.http.HttpReplies;
import dev.slipway.runtime.logs.BuildLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Build pages: {@code GET /builds/{id}} is the page (stages, status, timing, logs) and
 * {@code GET /builds/{id}/events} the Server-Sent Events stream it follows while the build runs
 * (see {@link BuildEventStream}). Slack messages link to the page.
 */
public final class BuildPages implements HttpHandler {

    public static final String PATH = "/builds/";
    private static final String EVENTS = "/events";

    private final BuildStore builds;
    private final BuildLogs logs;
    private final Duration poll;
    private final String template;
    private final java.util.concurrent.atomic.AtomicInteger following = new java.util.concurrent.atomic.AtomicInteger();

    public BuildPages(BuildStore builds, BuildLogs logs, Duration poll) {
        this.builds = builds;
        this.logs = logs;
        this.poll = poll;
        this.template = resource("/pages/build.html");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                HttpReplies.text(exchange, 405, "text/plain", "build pages are read with GET");
                return;
            }
            String rest = exchange.getRequestURI().getPath().substring(PATH.length());
            boolean events = rest.endsWith(EVENTS);
            String id = events ? rest.substring(0, rest.length() - EVENTS.length()) : rest;
            Optional<BuildRecord> build = find(exchange, id);
            if (build.isEmpty()) {
                return;
            }
            if (events) {
                following.incrementAndGet();
                try {
                    new BuildEventStream(builds, logs, poll, build.get().id()).serve(exchange);
                } finally {
                    following.decrementAndGet();
                }
            } else {
                HttpReplies.text(exchange, 200, "text/html; charset=utf-8", template.replace("{{BUILD_ID}}", id));
            }
        }
    }

    /** How many event streams are open right now (pages following a build). */
    public int following() {
        return following.get();
    }

    /** The build, or empty after answering 400/404 with what to do. */
    private Optional<BuildRecord> find(HttpExchange exchange, String id) throws IOException {
        BuildId buildId;
        try {
            buildId = BuildId.of(id);
        } catch (InvalidBuildIdException e) {
            HttpReplies.text(exchange, 400, "text/plain; charset=utf-8", e.getMessage());
            return Optional.empty();
        }
        Optional<BuildRecord> build = builds.find(buildId);
        if (build.isEmpty()) {
            HttpReplies.text(exchange, 404, "text/plain; charset=utf-8", "No build " + id
                    + " is recorded here. Builds are listed at /api/builds?repo=owner/name.");
        }
        return build;
    }

    private static String resource(String name) {
        try (InputStream in = BuildPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the local-runtime jar: rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
