package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.slipway.testkit.ingress.InMemoryDeliveryLedger;
import dev.slipway.testkit.slack.SlackRequestSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry guard on Bolt requests directly: what runs the handler, and what only acknowledges. */
class RetryGuardTest {

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final RetryGuard guard = new RetryGuard(ledger, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger handled = new AtomicInteger();

    private static SlashCommandRequest command(String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("command", "/deploy");
        fields.put("text", "api to staging");
        fields.put("user_id", "U0ALICE");
        fields.put("channel_id", "C0DEPLOYS");
        if (triggerId != null) {
            fields.put("trigger_id", triggerId);
        }
        return new SlashCommandRequest(SlackRequestSigner.form(fields), new RequestHeaders(Map.of()));
    }

    private Response run(Request<?> request, int status) throws Exception {
        return guard.apply(request, Response.ok(), req -> {
            handled.incrementAndGet();
            return Response.builder().statusCode(status).body("done").build();
        });
    }

    @Test
    void aRequestIsHandledOnceHoweverOftenItArrives() throws Exception {
        assertThat(run(command("t-1"), 200).getBody()).isEqualTo("done");
        Response again = run(command("t-1"), 200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).as("acknowledged, nothing else").isNotEqualTo("done");
        assertThat(handled).hasValue(1);
        run(command("t-2"), 200);
        assertThat(handled).as("another request is another request").hasValue(2);
    }

    @Test
    void aRequestWhoseHandlerFailedIsHandledWhenSlackRetries() throws Exception {
        SlashCommandRequest request = command("t-3");
        assertThatThrownBy(() -> guard.apply(request, Response.ok(), req -> {
            throw new IllegalStateException("store unreachable");
        })).hasMessageContaining("store unreachable");
        run(command("t-3"), 200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aServerErrorAnswerLeavesTheRequestForTheRetry() throws Exception {
        run(command("t-4"), 500);
        run(command("t-4"), 200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void eventsAreKeyedByTheirEventId() throws Exception {
        String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev0PV52K21\",\"event\":{\"type\":\"app_mention\"}}";
        RequestHeaders retried = new RequestHeaders(Map.of("x-slack-retry-num", List.of("1")));
        run(new EventRequest(body, new RequestHeaders(Map.of())), 200);
        run(new EventRequest(body, retried), 200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aRequestWithoutAnIdIsNeverHeldBack() throws Exception {
        run(command(null), 200);
        run(command(null), 200);
        assertThat(handled).hasValue(2);
    }
}
