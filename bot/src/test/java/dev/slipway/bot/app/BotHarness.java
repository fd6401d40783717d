package dev.slipway.bot.app;

import com.slack.api.bolt.App;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.bot.approval.ApprovalFixtures;
import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.approval.SlackUserGroups;
import dev.slipway.bot.fakes.FixedStatus;
import dev.slipway.bot.fakes.MutableClock;
import dev.slipway.bot.fakes.RecordingReleaseActions;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.ReleaseStatus;
import dev.slipway.bot.fakes.RecordingTaskCallbacks;
import dev.slipway.bot.release.StatusReport;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.ingress.InMemoryDeliveryLedger;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot as it runs on one machine: Bolt behind the JDK HTTP server at {@code /slack/events},
 * talking to the testkit's Slack Web API server, with in-memory stores and recording fakes for
 * the ports that issue 6 implements. Requests are signed as Slack signs them.
 */
public final class BotHarness implements AutoCloseable {

    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String TOKEN = "xoxb-slipway-test";
    public static final String CHANNEL = "C0DEPLOYS";

    public final SlackWebApiServer slack = SlackWebApiServer.start()
            .token(TOKEN, SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY")
            .channel(CHANNEL, "deploys")
            .userGroup("S0PLATFORM", List.of("U0CAROL", "U0DAVE"));
    public final MutableClock clock = new MutableClock(ApprovalFixtures.REQUESTED.plus(Duration.ofMinutes(5)));
    public final RecordingReleaseActions actions = new RecordingReleaseActions(List.of("api", "web"));
    public final RecordingTaskCallbacks callbacks = new RecordingTaskCallbacks();
    public final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    public final InMemoryBuildStore builds = new InMemoryBuildStore();
    public final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    public final SlackRequestSigner signer = new SlackRequestSigner(SECRET);
    public final App app;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger triggers = new AtomicInteger();

    public BotHarness(StatusReport status) {
        this(null, new FixedStatus(status));
    }

    /**
     * The bot on real release ports ({@code releases} and {@code status} made over in-memory stores);
     * {@link #actions} then stays unused. Null {@code releases}: the recording {@link #actions}.
     */
    public BotHarness(ReleaseActions releases, ReleaseStatus status) {
        BotConfig config = new BotConfig(SECRET, Optional.of(TOKEN), slack.methodsUrlPrefix(),
                URI.create("http://localhost:8080/"), clock);
        SlackUserGroups groups = new SlackUserGroups(SlipwayBot.slack(config).methods(), TOKEN, clock);
        ApprovalService service = new ApprovalService(approvals, new ApprovalViews(builds, config.pagesBase()),
                new ApprovalRules(groups), callbacks, clock);
        app = SlipwayBot.create(config, new SlipwayBot.Ports(releases == null ? actions : releases, status, service, ledger));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/slack/events", new SlackEventsHttpHandler(app));
        server.start();
        // Bolt checks the bot token with auth.test when it starts; tests look at what requests cause.
        app.start();
        slack.clearRecords();
    }

    public BotHarness() {
        this(new StatusReport(List.of(), List.of(), List.of()));
    }

    public URI eventsUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
    }

    public HttpResponse<String> send(SignedRequest request) {
        try {
            return http.send(request.post(eventsUrl()), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fields Slack posts for a slash command (api.slack.com/interactivity/slash-commands). */
    public SignedRequest command(String userId, String command, String text) {
        return signer.command(commandFields(userId, command, text));
    }

    public Map<String, String> commandFields(String userId, String command, String text) {
        return SlackPayloads.slashCommand(CHANNEL, userId, command, text, slack.newResponseUrl(),
                "trigger-" + triggers.incrementAndGet());
    }

    /** A click on a button of the approval message. */
    public SignedRequest click(String userId, String actionId, String approvalId, String messageTs) {
        return signer.interaction(SlackPayloads.buttonClick(CHANNEL, userId, actionId, approvalId, messageTs,
                slack.newResponseUrl(), "trigger-" + triggers.incrementAndGet()));
    }

    @Override
    public void close() {
        server.stop(0);
        slack.close();
    }
}
