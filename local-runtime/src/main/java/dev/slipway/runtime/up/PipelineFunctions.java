package dev.slipway.runtime.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.slipway.bot.notify.BuildNotifier;
import dev.slipway.bot.notify.ConsoleMessenger;
import dev.slipway.bot.notify.Messenger;
import dev.slipway.bot.notify.SlackMessenger;
import dev.slipway.bot.notify.SlackPipelineNotifier;
import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import dev.slipway.core.deploy.DeployTargets;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.secret.SecretStore;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.functions.pipeline.DeployFunction;
import dev.slipway.functions.pipeline.NotifyFunction;
import dev.slipway.functions.pipeline.PipelineServices;
import dev.slipway.functions.pipeline.PrepareFunction;
import dev.slipway.functions.pipeline.RecordFunction;
import dev.slipway.functions.pipeline.RequestApprovalFunction;
import dev.slipway.functions.pipeline.RollbackFunction;
import dev.slipway.functions.pipeline.VerifyFunction;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.LambdaFunction;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.config.UpConfig;
import dev.slipway.runtime.docker.DockerTaskRunner;
import dev.slipway.runtime.docker.DockerTaskRunnerConfig;
import dev.slipway.runtime.docker.Reaper;
import dev.slipway.runtime.pipeline.DockerDeployTarget;
import dev.slipway.runtime.pipeline.DockerEcsTaskPort;
import dev.slipway.runtime.pipeline.LocalTaskDefinitions;
import dev.slipway.runtime.pipeline.StageLogDirectory;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The pipeline state machine's functions, registered in-process under the names
 * {@link PipelineDefinition} substitutes, on the local parts: stage tasks as containers on the
 * local Docker daemon ({@code ecs:runTask.sync} through {@link DockerEcsTaskPort}), deploys as local
 * containers, logs in {@code <data>/logs}, Slack when a bot token is configured and the console and
 * {@code <data>/slack.log} otherwise.
 */
final class PipelineFunctions {

    /** The stores and sources the functions share with the rest of {@code slipway up}. */
    record Parts(BuildStore builds, ApprovalStore approvals, DeploymentStore deployments, PipelineSource pipelines,
            SecretStore secrets, StageLogDirectory logs, URI pagesBase, Clock clock, ExecutorService pool) {
    }

    private PipelineFunctions() {
    }

    /** The task integrations, and the stage runner to close when {@code slipway up} stops (after the engine). */
    record Integrations(TaskIntegrations tasks, DockerEcsTaskPort stages) {
    }

    static Integrations integrations(UpConfig config, Parts parts, PrintStream out, PrintStream notices) {
        DockerClient docker = DockerClients.fromEnvironment();
        reapLeftovers(docker, parts.builds(), out);
        // On disk, so that a build resumed after a restart still finds the stages prepare registered.
        LocalTaskDefinitions definitions = new LocalTaskDefinitions(config.dataDir().resolve("task-definitions"));
        PipelineServices services = new PipelineServices(parts.builds(), parts.approvals(), parts.deployments(),
                parts.pipelines(), new StageTaskCompiler(builderImage(config)), definitions, parts.logs(),
                new DeployTargets(List.of(new DockerDeployTarget(docker, parts.clock(), Duration.ofSeconds(1)))),
                new SlackPipelineNotifier(new BuildNotifier(messenger(config, parts, notices), parts.pagesBase())),
                new LocalCommitStatuses(), parts.pagesBase(), parts.clock());
        LambdaIntegration lambda = new LambdaIntegration(parts.pool())
                .register(PipelineDefinition.functionName("Prepare"), new PrepareFunction(services)::handle)
                .register(PipelineDefinition.functionName("Record"), reapingWhenBuildEnds(new RecordFunction(services), docker))
                .register(PipelineDefinition.functionName("RequestApproval"), new RequestApprovalFunction(services)::handle)
                .register(PipelineDefinition.functionName("Deploy"), new DeployFunction(services)::handle)
                .register(PipelineDefinition.functionName("Verify"), new VerifyFunction(services)::handle)
                .register(PipelineDefinition.functionName("Rollback"), new RollbackFunction(services)::handle)
                .register(PipelineDefinition.functionName("Notify"), new NotifyFunction(services)::handle);
        DockerTaskRunner runner = new DockerTaskRunner(docker, runnerConfig(config), parts.secrets());
        DockerEcsTaskPort stages = new DockerEcsTaskPort(definitions, runner, parts.logs(), parts.pool());
        return new Integrations(new TaskIntegrations().register(lambda).register(new EcsIntegration(stages)), stages);
    }

    /**
     * Record, and once it records the build's end, removes what the build left on Docker (its
     * workspace and artifact volumes outlive each stage so the next can use them; in the cloud, ECS
     * tasks leave nothing). Deployed services carry another label and stay.
     */
    private static LambdaFunction reapingWhenBuildEnds(RecordFunction record, DockerClient docker) {
        Reaper reaper = new Reaper(docker);
        return payload -> {
            JsonNode answer = record.handle(payload);
            String event = payload.path("event").asText();
            if (event.equals("build-succeeded") || event.equals("build-failed")) {
                reaper.reapBuild(payload.path("buildId").asText());
            }
            return answer;
        };
    }

    /**
     * Stage outputs go to {@code <data>/artifacts}; every repository mapped to a local path is
     * mounted read-only into stage containers so its checkout can clone it.
     */
    static DockerTaskRunnerConfig runnerConfig(UpConfig config) {
        DockerTaskRunnerConfig runner = DockerTaskRunnerConfig.defaults().withArtifactsDir(config.dataDir().resolve("artifacts"));
        for (String url : config.repositories().values()) {
            if (url.startsWith("file:")) {
                runner = runner.withHostMount(Path.of(URI.create(url)));
            }
        }
        return runner;
    }

    /**
     * Before the engine resumes anything: no stage task survives a stop (the engine fails tasks
     * that were running when it went down), so containers, networks and volumes labelled with one of
     * this runtime's builds are leftovers of a stop or a kill -9. Only builds recorded in this data
     * directory are reaped: another runtime or test on the same daemon keeps its own. Deployed
     * services carry another label and stay.
     */
    private static void reapLeftovers(DockerClient docker, BuildStore builds, PrintStream out) {
        try {
            Reaper reaper = new Reaper(docker);
            for (String id : reaper.buildIds()) {
                if (isRecorded(builds, id)) {
                    Reaper.Sweep swept = reaper.reapBuild(id);
                    out.println("removed what interrupted build " + id + " left on Docker: " + swept);
                }
            }
        } catch (RuntimeException e) {
            out.println("warning: Docker is not reachable (" + e.getMessage() + "): stages will fail until it is;"
                    + " start it with scripts/dev-env or point DOCKER_HOST at an engine");
        }
    }

    private static boolean isRecorded(BuildStore builds, String id) {
        try {
            return builds.find(BuildId.of(id)).isPresent();
        } catch (InvalidBuildIdException e) {
            return false;
        }
    }

    /** The builder image the dev-env script builds; SLIPWAY_BUILDER_IMAGE names another. */
    private static String builderImage(UpConfig config) {
        String image = System.getenv("SLIPWAY_BUILDER_IMAGE");
        return image == null || image.isBlank() ? "slipway/builder:dev" : image;
    }

    private static Messenger messenger(UpConfig config, Parts parts, PrintStream notices) {
        if (config.slackBotToken().isPresent()) {
            BotConfig bot = new BotConfig(config.slackSigningSecret().orElse("unused-for-sending"), config.slackBotToken(),
                    config.slackApiUrl(), parts.pagesBase(), parts.clock());
            return new SlackMessenger(SlipwayBot.slack(bot).methods(), config.slackBotToken().get(), SlackMessenger.SLACK_PACE);
        }
        Path file = config.dataDir().resolve("slack.log");
        return new ConsoleMessenger(notices, file, parts.clock());
    }
}
