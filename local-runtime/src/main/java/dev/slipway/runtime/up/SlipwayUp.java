package dev.slipway.runtime.up;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.functions.aws.DynamoApprovalStore;
import dev.slipway.functions.aws.DynamoBuildStore;
import dev.slipway.functions.aws.DynamoDeliveryLedger;
import dev.slipway.functions.aws.DynamoDeploymentStore;
import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.SfnPipelineExecutions;
import dev.slipway.functions.aws.SqsBuildQueue;
import dev.slipway.functions.aws.SqsQueues;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.functions.dispatch.DispatchHandler;
import dev.slipway.functions.dispatch.Dispatcher;
import dev.slipway.functions.dispatch.JGitPipelineSource;
import dev.slipway.functions.webhook.WebhookConfig;
import dev.slipway.functions.webhook.WebhookHandler;
import dev.slipway.functions.webhook.WebhookIngress;
import dev.slipway.functions.webhook.WebhookSecrets;
import dev.slipway.core.scm.Provider;
import dev.slipway.runtime.asl.Names;
import dev.slipway.runtime.cli.EngineCommand;
import dev.slipway.runtime.config.UpConfig;
import dev.slipway.runtime.embedded.EmbeddedServices;
import dev.slipway.runtime.embedded.LocalAws;
import dev.slipway.runtime.http.ApiGatewayRoute;
import dev.slipway.runtime.http.BuildsApi;
import dev.slipway.runtime.http.FrontServer;
import dev.slipway.runtime.http.UnavailableRoute;
import dev.slipway.runtime.logs.BuildLogs;
import dev.slipway.runtime.pages.BuildPages;
import dev.slipway.runtime.pipeline.StageLogDirectory;
import dev.slipway.runtime.queue.JournaledBuildQueue;
import dev.slipway.runtime.queue.QueueConsumer;
import dev.slipway.runtime.schedule.NightlyScheduler;
import dev.slipway.functions.schedule.NightlyBuilds;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system in one JVM (DESIGN.md §4): DynamoDB Local and ElasticMQ, the engine with the
 * pipeline state machine, the queue consumer feeding dispatch, and the HTTP front with the webhook
 * routes, the Slack route, the JSON API and build pages. The handlers are the cloud's classes, on
 * the same SDK clients, pointed at local endpoints.
 *
 * <p>Everything lives under the data directory ({@code dynamodb/}, {@code engine/}, {@code logs/},
 * {@code queue/}, {@code task-definitions/}, {@code work/}), so stopping (even kill -9) and starting
 * again keeps every record and continues every build (docs/engine.md). Parts are closed in the
 * reverse order they were started.
 */
public final class SlipwayUp implements AutoCloseable {

    public static final String TABLE_PREFIX = "slipway-";
    public static final String QUEUE = "slipway-builds";

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final Map<String, URI> urls = new java.util.LinkedHashMap<>();
    private BuildStore builds;
    private BuildLogs logs;
    private BuildPages pages;
    private StageLogDirectory stageLogs;
    private BuildQueue queue;
    private SfnClient sfn;
    private DynamoApprovalStore approvals;

    private SlipwayUp() {
    }

    /**
     * Starts everything; on failure, stops what had started and rethrows. The registry login comes
     * from {@code env}, else from the set-up script's {@code registry.env}.
     */
    public static SlipwayUp start(UpConfig config, Map<String, String> env, Path workingDirectory, PrintStream out)
            throws IOException {
        return start(config, env, workingDirectory, out, out);
    }

    /**
     * @param notices where build messages go when there is no Slack token (they also go to
     *                {@code <data>/slack.log}); {@code slipway run} prints its own progress instead
     */
    public static SlipwayUp start(UpConfig config, Map<String, String> env, Path workingDirectory, PrintStream out,
            PrintStream notices) throws IOException {
        SlipwayUp up = new SlipwayUp();
        try {
            up.startParts(config, RegistryLogin.complete(env), workingDirectory, out, notices);
            return up;
        } catch (IOException | RuntimeException e) {
            up.close();
            throw e;
        }
    }

    /** The embedded AWS services with Slipway's tables and queue in them. */
    private record Aws(EmbeddedServices services, DynamoDbClient dynamo, SqsClient sqs, TableNames tables, String queueUrl) {
    }

    /** The stores every part shares. */
    private record Stores(MapSecretStore secrets, DynamoDeliveryLedger ledger, DynamoApprovalStore approvals,
            DynamoDeploymentStore deployments) {
    }

    private void startParts(UpConfig config, Map<String, String> env, Path workingDirectory, PrintStream out,
            PrintStream notices) throws IOException {
        Path data = config.dataDir();
        Clock clock = Clock.systemUTC();
        Aws aws = startAws(data);
        builds = new DynamoBuildStore(aws.dynamo(), aws.tables().builds());
        stageLogs = new StageLogDirectory(data.resolve("logs"));
        logs = new BuildLogs(data.resolve("logs"), SecretMasker.of(secrets(config, env)));
        Stores stores = new Stores(new MapSecretStore(storedSecrets(config, env)),
                new DynamoDeliveryLedger(aws.dynamo(), aws.tables().deliveries()),
                new DynamoApprovalStore(aws.dynamo(), aws.tables().approvals()),
                new DynamoDeploymentStore(aws.dynamo(), aws.tables().deployments()));
        FrontServer front = FrontServer.bind(config.host(), config.port());
        URI base = front.baseUrl();

        ExecutorService pool = own(new Closing(Executors.newCachedThreadPool(daemon("slipway-functions")))).pool();
        PipelineFunctions.Integrations integrations = PipelineFunctions.integrations(config, new PipelineFunctions.Parts(builds,
                stores.approvals(), stores.deployments(), new JGitPipelineSource(stores.secrets(), data.resolve("work/prepare")),
                stores.secrets(), stageLogs, base, clock, pool), out, notices);
        // Closed after the engine (owned later, closed earlier): a stop cleans up running stages without
        // recording their end, so a restart runs them again.
        own(integrations.stages());
        EngineCommand engine = own(EngineCommand.start(new String[] {"--host", config.host(), "--port",
                Integer.toString(config.enginePort()), "--data", data.resolve("engine").toString()}, integrations.tasks(), out));
        sfn = own(LocalAws.sfn(engine.endpoint()));
        JournaledBuildQueue journaled = new JournaledBuildQueue(new SqsBuildQueue(aws.sqs(), aws.queueUrl()),
                data.resolve("queue"));
        queue = journaled;
        approvals = stores.approvals();
        String pipeline = registerPipeline(engine, env, workingDirectory, out);
        PipelineExecutions executions = journaled.forgettingOnStart(new SfnPipelineExecutions(sfn, pipeline));
        startQueueWork(config, aws, stores, queue, executions, freeSlots(config.maxConcurrentBuilds(), sfn, pipeline), clock);
        replayAcceptedBuilds(journaled, out);
        route(front, config, stores, queue, executions, sfn, clock);
        own(front.start());

        urls.put("webhooks", base.resolve("webhooks/github"));
        urls.put("slack", base.resolve("slack/events"));
        urls.put("api", base.resolve("api/builds"));
        urls.put("pages", base.resolve("builds/"));
        urls.put("stepfunctions", engine.endpoint());
        urls.put("dynamodb", aws.services().dynamo().endpoint());
        urls.put("sqs", URI.create(aws.queueUrl()));
    }

    private Aws startAws(Path data) {
        EmbeddedServices services = own(EmbeddedServices.start(data.resolve("dynamodb"), 0, 0));
        DynamoDbClient dynamo = own(LocalAws.dynamo(services.dynamo().endpoint()));
        SqsClient sqs = own(LocalAws.sqs(services.sqs().endpoint()));
        TableNames tables = TableNames.withPrefix(TABLE_PREFIX);
        DynamoTables.createAll(dynamo, tables);
        String queueUrl = SqsQueues.createBuildQueue(sqs, QUEUE, Duration.ofMinutes(2), 5).queueUrl();
        return new Aws(services, dynamo, sqs, tables, queueUrl);
    }

    /**
     * Webhooks answered before a stop or a kill -9 whose builds had not started yet: queued again
     * (ElasticMQ kept them in memory only). A build with a record past QUEUED, or with an execution,
     * was dispatched; dispatch is idempotent per build id anyway.
     */
    private void replayAcceptedBuilds(JournaledBuildQueue journaled, PrintStream out) {
        List<BuildId> again = journaled.replay(id -> builds.find(id)
                .map(b -> b.status() != BuildStatus.QUEUED || b.executionArn() != null).orElse(false));
        if (!again.isEmpty()) {
            out.println("queued again " + again.size() + " build(s) accepted before the last stop: " + again);
        }
    }

    /** What takes work off the queue (dispatch, as the SQS event source does) and puts it on (the nightly scheduler). */
    private void startQueueWork(UpConfig config, Aws aws, Stores stores, BuildQueue queue, PipelineExecutions executions,
            IntSupplier freeSlots, Clock clock) {
        Path work = config.dataDir().resolve("work");
        Dispatcher dispatcher = new Dispatcher(new JGitPipelineSource(stores.secrets(), work.resolve("dispatch")), builds,
                executions, clock);
        own(new QueueConsumer(aws.sqs(), aws.queueUrl(), "slipway-dispatch", new DispatchHandler(dispatcher),
                new RepositoryMapping(config.repositories()), freeSlots, clock).start());
        NightlyScheduler scheduler = new NightlyScheduler(config.repositories(),
                new JGitPipelineSource(stores.secrets(), work.resolve("schedule")), new NightlyBuilds(queue, clock), clock);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("slipway-scheduler"));
        own(new Closing(timer));
        timer.scheduleWithFixedDelay(scheduler::tick, 0, 20, TimeUnit.SECONDS);
    }

    /**
     * How many more builds may start: the limit minus the pipeline's executions still running (a build
     * waiting for an approval is running). Asked through the Step Functions API, as the cloud would.
     */
    static IntSupplier freeSlots(int maxConcurrentBuilds, SfnClient sfn, String pipeline) {
        if (maxConcurrentBuilds == UpConfig.UNLIMITED) {
            return () -> Integer.MAX_VALUE;
        }
        return () -> maxConcurrentBuilds - (int) sfn.listExecutionsPaginator(r -> r.stateMachineArn(pipeline)
                .statusFilter(ExecutionStatus.RUNNING)).executions().stream().count();
    }

    private void route(FrontServer front, UpConfig config, Stores stores, BuildQueue queue, PipelineExecutions executions,
            SfnClient sfn, Clock clock) {
        WebhookIngress ingress = new WebhookIngress(stores.secrets(), stores.ledger(), queue, clock, WebhookConfig.defaults());
        front.route("/webhooks/", new ApiGatewayRoute("/webhooks/", "provider", "slipway-webhook",
                new WebhookHandler(ingress), clock));
        BotWiring.Parts bot = new BotWiring.Parts(builds, stores.deployments(), stores.approvals(), stores.ledger(), queue,
                executions, sfn, new JGitPipelineSource(stores.secrets(), config.dataDir().resolve("work/bot")), clock);
        front.route("/slack/events", config.slackSigningSecret().isPresent()
                ? BotWiring.handler(config, front.baseUrl(), bot)
                : new UnavailableRoute("slack-not-configured", "Slack is not configured: set SLIPWAY_SLACK_SIGNING_SECRET"
                        + " (and SLIPWAY_SLACK_BOT_TOKEN) or slack.signing_secret in the config file, then restart"));
        UpLink link = UpLink.fresh(front.baseUrl());
        front.route(ApprovalsApi.PATH, new ApprovalsApi(BotWiring.approvals(config, front.baseUrl(), bot), stores.approvals(),
                link.token(), clock));
        link.write(config.dataDir());
        front.route(BuildsApi.PATH, new BuildsApi(builds));
        pages = new BuildPages(builds, logs, Duration.ofMillis(250));
        front.route(BuildPages.PATH, pages);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** An executor as a part to close: running work is interrupted. */
    private record Closing(ExecutorService pool) implements AutoCloseable {
        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static String registerPipeline(EngineCommand engine, Map<String, String> env, Path workingDirectory,
            PrintStream out) {
        Optional<Path> file = PipelineDefinition.locate(env, workingDirectory);
        if (file.isEmpty()) {
            out.println("warning: " + PipelineDefinition.RELATIVE + " was not found (set SLIPWAY_HOME to the Slipway"
                    + " checkout): builds are recorded but their pipeline cannot start");
            return Names.stateMachineArn(PipelineDefinition.STATE_MACHINE);
        }
        String definition = PipelineDefinition.read(file.get());
        String arn = Names.stateMachineArn(PipelineDefinition.STATE_MACHINE);
        boolean exists = engine.engine().stateMachines().stream().anyMatch(m -> m.arn().equals(arn));
        if (exists) {
            engine.engine().updateStateMachine(arn, definition, null);
        } else {
            engine.engine().createStateMachine(PipelineDefinition.STATE_MACHINE, definition,
                    "arn:aws:iam::000000000000:role/slipway-local", "STANDARD");
        }
        return arn;
    }

    /** The registry login stage tasks may name in {@code secrets}, taken from the environment. */
    public static final List<String> REGISTRY_SECRETS = List.of("SLIPWAY_REGISTRY_USERNAME", "SLIPWAY_REGISTRY_PASSWORD");

    /** Every provider's webhook secret is the one configured secret; the registry login comes from the environment. */
    private static Map<String, String> storedSecrets(UpConfig config, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        REGISTRY_SECRETS.stream().filter(env::containsKey).forEach(name -> values.put(name, env.get(name)));
        config.webhookSecret().ifPresent(secret -> {
            for (Provider p : List.of(Provider.GITHUB, Provider.GITLAB, Provider.GITEA)) {
                values.put(WebhookSecrets.nameFor(WebhookSecrets.DEFAULT_PREFIX, p), secret);
            }
        });
        return values;
    }

    private static List<String> secrets(UpConfig config, Map<String, String> env) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(config.webhookSecret(),
                config.slackSigningSecret(), config.slackBotToken()).flatMap(Optional::stream),
                java.util.stream.Stream.of(env.get("SLIPWAY_REGISTRY_PASSWORD")).filter(java.util.Objects::nonNull)).toList();
    }

    private <T extends AutoCloseable> T own(T part) {
        parts.push(part);
        return part;
    }

    /** The URLs it serves, by what they are for: webhooks, slack, api, pages, stepfunctions, dynamodb, sqs. */
    public Map<String, URI> urls() {
        return Map.copyOf(urls);
    }

    public BuildStore builds() {
        return builds;
    }

    public BuildLogs logs() {
        return logs;
    }

    /** Where stage tasks write their logs (and tests write lines a page should show). */
    public StageLogDirectory stageLogs() {
        return stageLogs;
    }

    /** Where build requests go, as the webhook route puts them (what {@code slipway run} uses to start one). */
    public BuildQueue queue() {
        return queue;
    }

    /** A Step Functions client on the engine: answering approvals, stopping executions. */
    public SfnClient stepFunctions() {
        return sfn;
    }

    public dev.slipway.core.approval.ApprovalStore approvals() {
        return approvals;
    }

    public BuildPages pages() {
        return pages;
    }

    /** Stops every part, newest first; a part that fails to stop does not keep the others running. */
    @Override
    public void close() {
        RuntimeException first = null;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("a part of slipway up did not stop cleanly", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
