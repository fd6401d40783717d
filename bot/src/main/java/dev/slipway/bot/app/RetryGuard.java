package dev.slipway.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.core.scm.Provider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure one Slack request is carried out at most once, however often it arrives. Slack
 * retries a request it got no answer to within 3 seconds, up to three times, marking them with
 * {@code X-Slack-Retry-Num}; a retry of a request already carried out (or being carried out) is
 * acknowledged with 200 and nothing else. Keyed by the request's own id, so a user who clicks
 * twice is a second request (judged by the approval rules), not a retry.
 *
 * <p>Runs after Bolt's request verification: an unsigned request never reaches the ledger.
 */
final class RetryGuard implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RetryGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than Slack's last retry (about 5 minutes after the first attempt). */
    static final Duration RETENTION = Duration.ofHours(1);
    /** Longer than any handler runs: Slack gives up after 3 seconds. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final DeliveryLedger ledger;
    private final Clock clock;

    RetryGuard(DeliveryLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface is declared with the raw Request type.
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Optional<String> id = requestId(req);
        if (id.isEmpty()) {
            return chain.next(req);
        }
        DeliveryKey key = new DeliveryKey(Provider.SLACK, id.get());
        DeliveryClaim claim = ledger.claim(key, BuildId.forDelivery(Provider.SLACK, id.get()), clock.instant(), LEASE);
        if (!(claim instanceof DeliveryClaim.Claimed)) {
            LOG.info("Slack request {} (retry {}) already handled ({}); acknowledged, nothing done",
                    id.get(), req.getHeaders().getFirstValue("X-Slack-Retry-Num"), claim.getClass().getSimpleName());
            return Response.ok();
        }
        Response response;
        try {
            response = chain.next(req);
        } catch (Exception | Error e) {
            ledger.release(key);
            throw e;
        }
        if (response.getStatusCode() >= 500) {
            ledger.release(key);
        } else {
            ledger.markQueued(key, clock.instant(), RETENTION);
        }
        return response;
    }

    /** The id Slack gives this one request: {@code trigger_id} for commands and clicks, {@code event_id} for events. */
    static Optional<String> requestId(Request<?> req) {
        if (req instanceof SlashCommandRequest command) {
            return Optional.ofNullable(command.getPayload().getTriggerId());
        }
        if (req instanceof BlockActionRequest action) {
            return Optional.ofNullable(action.getPayload().getTriggerId());
        }
        if (req instanceof EventRequest event) {
            try {
                return Optional.ofNullable(JSON.readTree(event.getRequestBodyAsString()).path("event_id").asText(null));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
