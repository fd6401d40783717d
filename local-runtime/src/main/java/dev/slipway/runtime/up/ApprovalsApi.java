package dev.slipway.runtime.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ClickResult;
import dev.slipway.bot.approval.UserGroupLookupException;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.runtime.http.HttpReplies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/approvals}: an approval decided from {@code slipway approve|reject} on this
 * machine, judged by the same {@link ApprovalService} rules as a Slack button click. Only loopback
 * callers that present the token of {@code <data>/up.json} ({@link UpLink}) are heard.
 * Body: {@code {build, environment?, service?, user, verdict: approve|reject, comment?}}. Answers 200 when the
 * decision counted, 409 with the reason when the rules refused it (nothing changed), 404 when no
 * open approval matches, 400 for a malformed request, 401/403 for a wrong token or caller.
 */
final class ApprovalsApi implements HttpHandler {

    static final String PATH = "/api/approvals";
    private static final int MAX_BODY = 8 * 1024;

    private final ApprovalService service;
    private final ApprovalStore store;
    private final byte[] token;
    private final Clock clock;

    ApprovalsApi(ApprovalService service, ApprovalStore store, String token, Clock clock) {
        this.service = service;
        this.store = store;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                HttpReplies.json(exchange, 403, HttpReplies.error("not-loopback", "approvals are taken from this machine only"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpReplies.json(exchange, 405, HttpReplies.error("method-not-allowed", "POST an approval decision"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] given = (auth == null || !auth.startsWith("Bearer ") ? "" : auth.substring(7)).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, token)) {
                HttpReplies.json(exchange, 401, HttpReplies.error("bad-token",
                        "the token is not this slipway up's: use the one in its data directory's up.json"));
                return;
            }
            decide(exchange, body(exchange));
        }
    }

    private void decide(HttpExchange exchange, JsonNode body) throws IOException {
        String verdictText = body.path("verdict").asText("");
        String user = body.path("user").asText("");
        BuildId build;
        try {
            build = BuildId.of(body.path("build").asText(""));
        } catch (IllegalArgumentException e) {
            HttpReplies.json(exchange, 400, HttpReplies.error("bad-build", "field 'build': " + e.getMessage()));
            return;
        }
        if (!List.of("approve", "reject").contains(verdictText) || user.isBlank()) {
            HttpReplies.json(exchange, 400, HttpReplies.error("bad-request",
                    "fields 'verdict' (approve or reject) and 'user' (whose decision it is) are required"));
            return;
        }
        List<Approval> open = store.forBuild(build).stream().filter(a -> a.isOpen(clock.instant()))
                .filter(a -> !body.hasNonNull("environment")
                        || a.stage().equals(StageNames.deploy(body.path("environment").asText())))
                .filter(a -> !body.hasNonNull("service") || body.path("service").asText().equals(a.service()))
                .toList();
        if (open.size() != 1) {
            HttpReplies.json(exchange, open.isEmpty() ? 404 : 409, HttpReplies.error(
                    open.isEmpty() ? "no-open-approval" : "several-open-approvals",
                    open.isEmpty() ? "build " + build + " has no open approval" + matching(body)
                            : "build " + build + " waits on " + open.stream().map(Approval::stage).toList()
                                    + ": say which with --env (and --service for a release)"));
            return;
        }
        Verdict verdict = Verdict.valueOf(verdictText.toUpperCase(Locale.ROOT));
        ClickResult result;
        try {
            result = service.click(open.get(0).id(), user, verdict,
                    body.hasNonNull("comment") ? body.path("comment").asText() : null);
        } catch (UserGroupLookupException e) {
            HttpReplies.json(exchange, 503, HttpReplies.error("user-groups-unavailable", e.getMessage()));
            return;
        }
        boolean counted = result.privateNote().isEmpty();
        ObjectNode answer = SlipwayJson.mapper().createObjectNode();
        answer.put("approval", open.get(0).id());
        answer.put("counted", counted);
        answer.put("message", result.privateNote().orElseGet(() -> result.replacement().map(c -> c.text()).orElse("")));
        HttpReplies.json(exchange, counted ? 200 : 409, answer);
    }

    private static String matching(JsonNode body) {
        String env = body.hasNonNull("environment") ? " for environment " + body.path("environment").asText() : "";
        String service = body.hasNonNull("service") ? " of service " + body.path("service").asText() : "";
        return env + service + " (it may have been decided, expired, or not been requested yet)";
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                return SlipwayJson.mapper().createObjectNode();
            }
            return SlipwayJson.mapper().readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return SlipwayJson.mapper().createObjectNode();
        }
    }
}
