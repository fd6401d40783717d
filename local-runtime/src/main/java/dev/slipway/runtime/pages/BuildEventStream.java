package dev.slipway.runtime.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.runtime.logs.BuildLogs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One page's Server-Sent Events stream for one build: a {@code build} event whenever the record
 * changes, a {@code log} event per new log line ({@code {"stage", "line"}}; a retried stage's attempts follow each other), and {@code end} once the
 * build is in a terminal state and every line was sent; then the stream closes (and the page stops
 * its EventSource, which would otherwise reconnect).
 *
 * <p>It polls the store and the log files: the records live in DynamoDB and the logs on disk, both
 * written by other threads or processes, and polling both every {@code poll} is simple and loses
 * nothing. A comment line every {@link #KEEPALIVE} finds clients that went away.
 */
final class BuildEventStream {

    static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final BuildStore builds;
    private final BuildLogs logs;
    private final Duration poll;
    private final BuildId id;
    private final Map<String, Long> offsets = new HashMap<>();
    private long sentVersion = -1;

    BuildEventStream(BuildStore builds, BuildLogs logs, Duration poll, BuildId id) {
        this.builds = builds;
        this.logs = logs;
        this.poll = poll;
        this.id = id;
    }

    void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long quietSince = System.nanoTime();
        try {
            while (true) {
                Optional<BuildRecord> build = builds.find(id);
                boolean sent = build.isPresent() && sendBuild(out, build.get());
                boolean lines = sendLogs(out);
                if (build.isPresent() && build.get().status().isTerminal() && !lines) {
                    send(out, "end", "{}");
                    return;
                }
                if (sent || lines) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > KEEPALIVE.toNanos()) {
                    write(out, ": keepalive\n\n");
                    quietSince = System.nanoTime();
                }
                Thread.sleep(poll.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page was closed: nothing to do but stop following.
        } finally {
            out.close();
        }
    }

    private boolean sendBuild(OutputStream out, BuildRecord build) throws IOException {
        if (build.version() == sentVersion) {
            return false;
        }
        sentVersion = build.version();
        send(out, "build", SlipwayJson.write(BuildView.of(build)));
        return true;
    }

    private boolean sendLogs(OutputStream out) throws IOException {
        boolean any = false;
        for (String stream : logs.streams(id)) {
            BuildLogs.Chunk chunk = logs.read(id, stream, offsets.getOrDefault(stream, 0L));
            offsets.put(stream, chunk.nextOffset());
            for (String line : chunk.lines()) {
                ObjectNode entry = SlipwayJson.mapper().createObjectNode();
                entry.put("stage", BuildLogs.stageOf(stream));
                entry.put("line", line);
                send(out, "log", entry.toString());
                any = true;
            }
        }
        return any;
    }

    private static void send(OutputStream out, String event, String json) throws IOException {
        // JSON from Jackson has no raw newlines, so one data: line carries it whole.
        write(out, "event: " + event + "\ndata: " + json + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
