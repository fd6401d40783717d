package dev.slipway.functions.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.secret.SecretStore;
import dev.slipway.core.secret.SecretStoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The webhook function's work, provider-neutral: verify → normalise → record → enqueue → answer.
 * Nothing slow happens here (GitHub waits 10 s, Gitea 5 s): the pipeline file is read by dispatch.
 *
 * <p>Order matters: authenticity is checked on the raw bytes before the body is parsed or anything
 * is recorded, so a forged request costs one HMAC and leaves no trace. A delivery is claimed in the
 * ledger before it is queued and marked queued after, so a duplicate starts nothing while a
 * redelivery of one that failed before queueing is processed.
 */
public final class WebhookIngress {

    private static final System.Logger LOG = System.getLogger(WebhookIngress.class.getName());

    private final WebhookSecrets secrets;
    private final DeliveryLedger ledger;
    private final BuildQueue queue;
    private final Clock clock;
    private final WebhookConfig config;

    public WebhookIngress(SecretStore secretStore, DeliveryLedger ledger, BuildQueue queue, Clock clock,
            WebhookConfig config) {
        this.secrets = new WebhookSecrets(secretStore, config.secretPrefix());
        this.ledger = ledger;
        this.queue = queue;
        this.clock = clock;
        this.config = config;
    }

    /** Never throws: every outcome, including a bug, is an HTTP answer. */
    public WebhookResponse handle(WebhookRequest request) {
        try {
            return process(request);
        } catch (WebhookRejectedException e) {
            LOG.log(Level.INFO, "webhook rejected ({0}): {1}", e.status(), e.getMessage());
            return WebhookResponse.error(e.status(), e.code(), e.getMessage());
        } catch (SecretStoreUnavailableException e) {
            LOG.log(Level.ERROR, "webhook secret unavailable", e);
            return WebhookResponse.error(503, "secrets-unavailable",
                    "Slipway could not read its webhook secret; the provider may redeliver later");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "webhook failed", e);
            return WebhookResponse.error(500, "internal", "Slipway failed to process this delivery; redeliver it");
        }
    }

    private WebhookResponse process(WebhookRequest request) {
        Provider provider = provider(request.providerPath());
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > config.maxBodyBytes()) {
            throw new WebhookRejectedException(413, "too-large", "the body is " + body.length
                    + " bytes; Slipway accepts at most " + config.maxBodyBytes());
        }
        authenticator(provider).verify(request.headers(), body);
        EventContext context = context(provider, request.headers());
        WebhookEvent event = normaliser(provider).normalise(context, new Payload(parse(body), provider.id() + " "
                + context.eventName()));
        if (event instanceof WebhookEvent.Ping ping) {
            return WebhookResponse.pong(ping.detail());
        }
        if (event instanceof WebhookEvent.Ignored ignored) {
            return WebhookResponse.ignored(ignored.reason());
        }
        BuildRequest build = ((WebhookEvent.Build) event).request();
        return queueOnce(new DeliveryKey(provider, context.deliveryId()), build);
    }

    private WebhookResponse queueOnce(DeliveryKey key, BuildRequest request) {
        Instant now = clock.instant();
        DeliveryClaim claim = ledger.claim(key, request.id(), now, config.claimLease());
        if (claim instanceof DeliveryClaim.AlreadyQueued queued) {
            return WebhookResponse.duplicate(queued.build());
        }
        if (claim instanceof DeliveryClaim.InProgress) {
            return WebhookResponse.inProgress(request.id());
        }
        return enqueue(key, request, ((DeliveryClaim.Claimed) claim).redelivery());
    }

    private WebhookResponse enqueue(DeliveryKey key, BuildRequest request, boolean redelivery) {
        try {
            queue.enqueue(request);
        } catch (BuildQueueUnavailableException e) {
            ledger.release(key);
            LOG.log(Level.ERROR, "could not queue " + request.id(), e);
            return WebhookResponse.error(503, "queue-unavailable",
                    "Slipway could not queue the build; redeliver this delivery (it will be processed once)");
        }
        ledger.markQueued(key, clock.instant(), config.deliveryRetention());
        LOG.log(Level.INFO, "queued {0} ({1} {2} {3})", request.id(), request.event(), request.repo().fullName(),
                request.ref());
        return WebhookResponse.queued(request.id(), redelivery);
    }

    private static Provider provider(String path) {
        String name = path == null ? "" : path.replaceFirst("^.*/", "").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "github" -> Provider.GITHUB;
            case "gitlab" -> Provider.GITLAB;
            case "gitea", "forgejo" -> Provider.GITEA;
            default -> throw new WebhookRejectedException(404, "unknown-provider", "no webhook endpoint '" + path
                    + "': use /webhooks/github, /webhooks/gitlab or /webhooks/gitea");
        };
    }

    private WebhookAuthenticator authenticator(Provider provider) {
        return switch (provider) {
            case GITHUB -> new GitHubSignature(secrets);
            case GITEA -> new GiteaSignature(secrets);
            case GITLAB -> new GitLabAuthenticity(secrets, clock, config.signatureTolerance());
            default -> throw new IllegalStateException(provider + " sends no webhooks");
        };
    }

    private static EventNormaliser normaliser(Provider provider) {
        return provider == Provider.GITLAB ? new GitLabEvents() : new GitHubStyleEvents();
    }

    private EventContext context(Provider provider, WebhookHeaders headers) {
        String event;
        String delivery;
        switch (provider) {
            case GITHUB -> {
                event = headers.require("X-GitHub-Event", "GitHub names the event in it");
                delivery = headers.require("X-GitHub-Delivery", "it identifies the delivery");
            }
            case GITEA -> {
                event = headers.require("X-Gitea-Event", "Gitea names the event in it");
                delivery = headers.require("X-Gitea-Delivery", "it identifies the delivery");
            }
            default -> {
                event = headers.require("X-Gitlab-Event", "GitLab names the event in it");
                delivery = headers.get("Idempotency-Key").or(() -> headers.get("webhook-id"))
                        .or(() -> headers.get("X-Gitlab-Event-UUID"))
                        .orElseThrow(() -> WebhookRejectedException.badRequest("missing-header",
                                "the Idempotency-Key and X-Gitlab-Event-UUID headers are missing: one identifies the delivery"));
            }
        }
        return new EventContext(provider, event, delivery, clock.instant());
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = SlipwayJson.mapper().readTree(body);
            if (root == null || !root.isObject()) {
                throw WebhookRejectedException.badRequest("malformed-json",
                        "the body is not a JSON object: set the webhook's content type to application/json");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.badRequest("malformed-json", "the body is not valid JSON ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): set the webhook's content type to application/json");
        } catch (java.io.IOException e) {
            throw WebhookRejectedException.badRequest("malformed-json", "the body could not be read: " + e.getMessage());
        }
    }
}
