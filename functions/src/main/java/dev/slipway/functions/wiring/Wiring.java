package dev.slipway.functions.wiring;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.core.secret.SecretStore;
import dev.slipway.functions.aws.DynamoBuildStore;
import dev.slipway.functions.aws.DynamoDeliveryLedger;
import dev.slipway.functions.aws.SecretsManagerSecretStore;
import dev.slipway.functions.aws.SfnPipelineExecutions;
import dev.slipway.functions.aws.SqsBuildQueue;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.functions.dispatch.Dispatcher;
import dev.slipway.functions.dispatch.JGitPipelineSource;
import dev.slipway.functions.webhook.WebhookConfig;
import dev.slipway.functions.webhook.WebhookIngress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the functions' parts from environment variables, the same way in Lambda and in the
 * embedded runtime (which points the SDK at local endpoints with {@code AWS_ENDPOINT_URL}, read by
 * the SDK itself, and {@code AWS_REGION}):
 * <ul>
 *   <li>{@code SLIPWAY_TABLE_PREFIX} (default {@code slipway-}): tables {@code <prefix>builds},
 *       {@code deployments}, {@code approvals}, {@code deliveries};</li>
 *   <li>{@code SLIPWAY_BUILD_QUEUE_URL}: the builds queue;</li>
 *   <li>{@code SLIPWAY_PIPELINE_ARN}: the pipeline state machine;</li>
 *   <li>{@code SLIPWAY_SECRET_PREFIX} (default {@code slipway/webhooks}): where webhook secrets live;</li>
 *   <li>{@code SLIPWAY_WORK_DIR} (default {@code /tmp}): where dispatch fetches pipeline files.</li>
 * </ul>
 * Clients use the URL connection HTTP client: the smallest cold start of the SDK's clients. Settings
 * are checked before a client is built, so a missing one is reported by name rather than as an SDK
 * error about regions or credentials.
 */
public final class Wiring {

    private final Function<String, String> env;
    private final Clock clock = Clock.systemUTC();

    Wiring(Function<String, String> env) {
        this.env = env;
    }

    public static Wiring fromEnvironment() {
        return new Wiring(System::getenv);
    }

    public static Wiring from(Map<String, String> variables) {
        return new Wiring(variables::get);
    }

    public TableNames tables() {
        return TableNames.withPrefix(optional("SLIPWAY_TABLE_PREFIX", "slipway-"));
    }

    public WebhookIngress webhookIngress() {
        WebhookConfig defaults = WebhookConfig.defaults();
        WebhookConfig config = new WebhookConfig(defaults.maxBodyBytes(), defaults.claimLease(),
                defaults.deliveryRetention(), defaults.signatureTolerance(), webhookSecretPrefix());
        return new WebhookIngress(secretStore(), deliveryLedger(), buildQueue(), clock, config);
    }

    /** {@code SLIPWAY_SECRET_PREFIX}: where the webhook secrets live ({@code <prefix>/github}, ...). */
    public String webhookSecretPrefix() {
        return optional("SLIPWAY_SECRET_PREFIX", WebhookConfig.defaults().secretPrefix());
    }

    /** Dispatch reads pipeline files under {@code SLIPWAY_WORK_DIR} (default /tmp, Lambda's writable disk). */
    public Dispatcher dispatcher() {
        JGitPipelineSource source = new JGitPipelineSource(secretStore(),
                java.nio.file.Path.of(optional("SLIPWAY_WORK_DIR", "/tmp"), "slipway-dispatch"));
        return new Dispatcher(source, buildStore(), pipelineExecutions(), clock);
    }

    public SecretStore secretStore() {
        SecretsManagerClient client = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new SecretsManagerSecretStore(client, clock, Duration.ofMinutes(5));
    }

    public DeliveryLedger deliveryLedger() {
        return new DynamoDeliveryLedger(dynamo(), tables().deliveries());
    }

    public BuildStore buildStore() {
        return new DynamoBuildStore(dynamo(), tables().builds());
    }

    public BuildQueue buildQueue() {
        String queueUrl = required("SLIPWAY_BUILD_QUEUE_URL", "the URL of the builds queue");
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new SqsBuildQueue(sqs, queueUrl);
    }

    public PipelineExecutions pipelineExecutions() {
        String stateMachineArn = required("SLIPWAY_PIPELINE_ARN", "the pipeline state machine's ARN");
        SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new SfnPipelineExecutions(sfn, stateMachineArn);
    }

    public Clock clock() {
        return clock;
    }

    private DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    private String optional(String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private String required(String name, String what) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new WiringIncompleteException(name, what);
        }
        return value;
    }
}
