package dev.slipway.functions.pipeline;

import dev.slipway.core.deploy.DeployTargets;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.functions.aws.CloudWatchStageLogs;
import dev.slipway.functions.aws.DynamoApprovalStore;
import dev.slipway.functions.aws.DynamoDeploymentStore;
import dev.slipway.functions.aws.EcsDeployTarget;
import dev.slipway.functions.aws.EcsTaskConfig;
import dev.slipway.functions.aws.EcsTaskDefinitions;
import dev.slipway.functions.dispatch.JGitPipelineSource;
import dev.slipway.functions.scm.HttpCommitStatuses;
import dev.slipway.functions.wiring.Wiring;
import dev.slipway.functions.wiring.WiringIncompleteException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The pipeline functions' parts in the cloud, from the environment template.yaml sets:
 * {@code SLIPWAY_ARTIFACTS_BUCKET} (given to stage tasks), {@code SLIPWAY_LOG_GROUP}, {@code SLIPWAY_BUILDER_IMAGE},
 * {@code SLIPWAY_TASK_FAMILY} (default {@code slipway-stage}), {@code SLIPWAY_TASK_EXECUTION_ROLE},
 * {@code SLIPWAY_TASK_ROLE}, {@code SLIPWAY_SECRET_ARN_PREFIX}, {@code SLIPWAY_PAGES_URL},
 * {@code AWS_REGION}, plus what {@link Wiring} reads (tables). The chat notifier is found with
 * {@link ServiceLoader} (the bot module provides one); without it, events go to the function's log.
 */
public final class PipelineWiring {

    private final Function<String, String> env;
    private final Wiring base;

    private PipelineWiring(Function<String, String> env) {
        this.env = env;
        this.base = Wiring.fromEnvironment();
    }

    public static PipelineWiring fromEnvironment() {
        return new PipelineWiring(System::getenv);
    }

    public PipelineServices services() {
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        EcsClient ecs = EcsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        String region = required("AWS_REGION", "the region (Lambda sets it)");
        EcsTaskConfig tasks = new EcsTaskConfig(optional("SLIPWAY_TASK_FAMILY", "slipway-stage"),
                required("SLIPWAY_TASK_EXECUTION_ROLE", "the stage tasks' execution role ARN"),
                required("SLIPWAY_TASK_ROLE", "the stage tasks' role ARN"),
                required("SLIPWAY_LOG_GROUP", "the stage log group"), region,
                required("SLIPWAY_SECRET_ARN_PREFIX", "the ARN prefix of build secrets"),
                "s3://" + required("SLIPWAY_ARTIFACTS_BUCKET", "the artifacts bucket"));
        return new PipelineServices(base.buildStore(),
                new DynamoApprovalStore(dynamo, base.tables().approvals()),
                new DynamoDeploymentStore(dynamo, base.tables().deployments()),
                new JGitPipelineSource(base.secretStore(), Path.of(optional("SLIPWAY_WORK_DIR", "/tmp"), "slipway-prepare")),
                new StageTaskCompiler(required("SLIPWAY_BUILDER_IMAGE", "the builder image in ECR")),
                new EcsTaskDefinitions(ecs, tasks),
                new CloudWatchStageLogs(CloudWatchLogsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                        tasks.logGroup(), region),
                new DeployTargets(List.of(new EcsDeployTarget(ecs, base.clock(), Duration.ofSeconds(10)))),
                notifier(),
                new HttpCommitStatuses(Map.of(
                        Provider.GITHUB, URI.create(optional("SLIPWAY_GITHUB_API", "https://api.github.com")),
                        Provider.GITLAB, URI.create(optional("SLIPWAY_GITLAB_API", "https://gitlab.com/api/v4")),
                        Provider.GITEA, URI.create(optional("SLIPWAY_GITEA_API", "https://gitea.com/api/v1"))),
                        base.secretStore(), optional("SLIPWAY_SCM_SECRET_PREFIX", "slipway/scm")),
                URI.create(required("SLIPWAY_PAGES_URL", "where people open builds")),
                base.clock());
    }

    static PipelineNotifier notifier() {
        return ServiceLoader.load(PipelineNotifier.class).findFirst().orElseGet(() -> new ConsolePipelineNotifier(System.out));
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
