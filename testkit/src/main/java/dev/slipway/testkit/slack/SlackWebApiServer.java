package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Slack's Web API ({@code https://slack.com/api/}) that checks what Slack
 * checks and records what was posted. Point a client at {@link #methodsUrlPrefix()} (for the Java
 * SDK: {@code SlackConfig.setMethodsEndpointUrlPrefix}).
 *
 * <p>Implemented: {@code auth.test}, {@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}, {@code usergroups.users.list}; plus {@code response_url}s (see
 * {@link #newResponseUrl()}). Checked as Slack does: the token ({@code not_authed},
 * {@code invalid_auth}), the method's scope ({@code missing_scope} with {@code needed} and
 * {@code provided}), body encodings ({@code missing_post_type}, {@code invalid_post_type}), required
 * arguments ({@code channel_not_found}, {@code no_text}, {@code message_not_found},
 * {@code no_such_subteam}), Block Kit limits ({@code invalid_blocks}), and the per-channel posting
 * limit (HTTP 429 with {@code Retry-After}).
 */
public final class SlackWebApiServer implements AutoCloseable {

    /** A bot token's default scopes: what Slipway's bot is installed with. */
    public static final Set<String> BOT_SCOPES = Set.of("commands", "chat:write", "usergroups:read");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SlackWorkspace workspace = new SlackWorkspace();
    private final ChannelRateLimiter rateLimiter = new ChannelRateLimiter(Duration.ofSeconds(1));
    private final SlackMethods methods = new SlackMethods(workspace, rateLimiter);
    private final List<JsonNode> responses = new ArrayList<>();
    private final AtomicInteger responseUrls = new AtomicInteger();

    private SlackWebApiServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/api/", this::handleMethod);
        server.createContext("/response/", this::handleResponseUrl);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static SlackWebApiServer start() {
        try {
            return new SlackWebApiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Slack Web API to a loopback port", e);
        }
    }

    /** Ends with a slash, like {@code https://slack.com/api/}. */
    public String methodsUrlPrefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Accepts {@code token} with the given scopes; {@code auth.test} reports the given user id. */
    public SlackWebApiServer token(String token, Set<String> scopes, String botUserId) {
        workspace.addToken(token, scopes, botUserId, "B" + botUserId.substring(1));
        return this;
    }

    /** A channel the bot is a member of, postable by id or by {@code #name}. */
    public SlackWebApiServer channel(String id, String name) {
        workspace.addChannel(id, name);
        return this;
    }

    public SlackWebApiServer userGroup(String id, List<String> userIds) {
        workspace.addUserGroup(id, userIds);
        return this;
    }

    /** The minimum time between two posts to one channel; {@link Duration#ZERO} turns the limit off. */
    public SlackWebApiServer postingInterval(Duration interval) {
        rateLimiter.interval(interval);
        return this;
    }

    /** A fresh {@code response_url}, as Slack puts in a command or interaction payload. */
    public String newResponseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + responseUrls.incrementAndGet();
    }

    /** Top-level messages and thread replies, in the order they were first posted, as last updated. */
    public List<SlackMessage> messages() {
        return workspace.messages();
    }

    public List<SlackMessage> messagesIn(String channelId) {
        return workspace.messages().stream().filter(m -> m.channel().equals(channelId) && m.threadTs() == null).toList();
    }

    public List<SlackMessage> threadReplies(String channelId, String parentTs) {
        return workspace.messages().stream()
                .filter(m -> m.channel().equals(channelId) && parentTs.equals(m.threadTs())).toList();
    }

    public List<SlackEphemeral> ephemerals() {
        return workspace.ephemerals();
    }

    /** Every call, including rejected ones, in arrival order. */
    public List<SlackCall> calls() {
        return workspace.calls();
    }

    public List<SlackCall> calls(String method) {
        return workspace.calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Bodies posted to {@code response_url}s, in arrival order. */
    public synchronized List<JsonNode> responses() {
        return List.copyOf(responses);
    }

    /** Forgets messages, calls and responses; keeps tokens, channels and groups. */
    public synchronized void clearRecords() {
        workspace.clearRecords();
        responses.clear();
    }

    private void handleMethod(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            SlackAnswer answer;
            Map<String, String> params = Map.of();
            try {
                SlackApiRequest request = SlackApiRequest.read(method, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body);
                params = request.params();
                answer = methods.call(request);
            } catch (SlackApiRequest.UnreadableBodyException e) {
                answer = SlackAnswer.error(e.error());
            }
            workspace.record(new SlackCall(method, Map.copyOf(params), answer.status(), answer.errorCode()));
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            send(exchange, answer.status(), JSON.writeValueAsBytes(answer.body()));
        }
    }

    /** Slack answers a response_url post with a bare {@code ok}; a body that is not JSON gets 400. */
    private void handleResponseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                send(exchange, 400, "invalid_payload".getBytes(StandardCharsets.UTF_8));
                return;
            }
            synchronized (this) {
                responses.add(json);
            }
            send(exchange, 200, "ok".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                body.length > 0 && body[0] == '{' ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
