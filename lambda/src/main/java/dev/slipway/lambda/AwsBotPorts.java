package dev.slipway.lambda;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.BotPortsProvider;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.approval.SfnTaskCallbacks;
import dev.slipway.bot.approval.SlackUserGroups;
import dev.slipway.bot.approval.UserGroupDirectory;
import dev.slipway.bot.approval.UserGroupLookupException;
import dev.slipway.bot.release.ChatReleases;
import dev.slipway.bot.release.PipelineReleaseActions;
import dev.slipway.bot.release.ReleaseLookup;
import dev.slipway.bot.release.StoreReleaseStatus;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildStore;
import dev.slipway.functions.aws.DynamoApprovalStore;
import dev.slipway.functions.aws.DynamoDeploymentStore;
import dev.slipway.functions.wiring.Wiring;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The bot's ports in the cloud: builds, approvals, deployments and Slack retries de-duplicated in
 * the stack's DynamoDB tables, {@code /build} on the builds queue, {@code /cancel} and approval
 * decisions on Step Functions (StopExecution, SendTaskSuccess/Failure). The same environment as the
 * other functions ({@link Wiring}): {@code SLIPWAY_TABLE_PREFIX}, {@code SLIPWAY_BUILD_QUEUE_URL},
 * {@code SLIPWAY_PIPELINE_ARN}. Listed in META-INF/services for {@link BotPortsProvider}.
 */
public final class AwsBotPorts implements BotPortsProvider {

    private final Map<String, String> env;

    public AwsBotPorts() {
        this(System.getenv());
    }

    public AwsBotPorts(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public SlipwayBot.Ports ports(BotConfig config) {
        Wiring wiring = Wiring.from(env);
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        BuildStore builds = wiring.buildStore();
        ApprovalStore approvals = new DynamoApprovalStore(dynamo, wiring.tables().approvals());
        ApprovalService approvalService = new ApprovalService(approvals, new ApprovalViews(builds, config.pagesBase()),
                new ApprovalRules(userGroups(config)), new SfnTaskCallbacks(sfn), config.clock());
        DynamoDeploymentStore deployments = new DynamoDeploymentStore(dynamo, wiring.tables().deployments());
        PipelineReleaseActions actions = new PipelineReleaseActions(builds, wiring.buildQueue(), wiring.pipelineExecutions(),
                new ChatReleases(new ReleaseLookup(builds, deployments), wiring.buildQueue(), config.clock()), config.clock());
        StoreReleaseStatus status = new StoreReleaseStatus(builds, deployments, approvals, config.clock());
        return new SlipwayBot.Ports(actions, status, approvalService, wiring.deliveryLedger());
    }

    private static UserGroupDirectory userGroups(BotConfig config) {
        return config.botToken()
                .<UserGroupDirectory>map(token -> new SlackUserGroups(SlipwayBot.slack(config).methods(), token, config.clock()))
                .orElse(group -> {
                    throw new UserGroupLookupException("user group " + group + " cannot be looked up: the Slack secret"
                            + " has no botToken yet (see docs/aws.md)", null);
                });
    }
}
