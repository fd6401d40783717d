package dev.slipway.statemachine;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.deploy.DeployTarget;
import dev.slipway.core.deploy.DeployTargets;
import dev.slipway.core.dispatch.BuildDecision;
import dev.slipway.core.dispatch.BuildPlan;
import dev.slipway.core.dispatch.BuildPlanner;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.functions.pipeline.DeployFunction;
import dev.slipway.functions.pipeline.NotifyFunction;
import dev.slipway.functions.pipeline.PipelineServices;
import dev.slipway.functions.pipeline.PrepareFunction;
import dev.slipway.functions.pipeline.RecordFunction;
import dev.slipway.functions.pipeline.RequestApprovalFunction;
import dev.slipway.functions.pipeline.RollbackFunction;
import dev.slipway.functions.pipeline.VerifyFunction;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.pipeline.LocalTaskDefinitions;
import dev.slipway.runtime.pipeline.StageLogDirectory;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * pipeline.asl.json on the local engine with the real pipeline functions, in-memory stores from the
 * testkit, the stage log directory, and a task port and deploy target chosen by the test.
 */
final class PipelineHarness implements AutoCloseable {

    static final String MACHINE = "slipway-pipeline";

    final InMemoryBuildStore builds = new InMemoryBuildStore();
    final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();
    final LocalTaskDefinitions definitions = new LocalTaskDefinitions();
    final StageLogDirectory logs;
    final RecordingNotifier notifier = new RecordingNotifier();
    final RecordingCommitStatuses statuses = new RecordingCommitStatuses();
    final Engine engine;
    final PipelineServices services;
    private final Map<String, String> pipelineFiles = new LinkedHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final String machineArn;

    PipelineHarness(Path logDir, Function<PipelineHarness, EcsTaskPort> port, DeployTarget target) {
        this.logs = new StageLogDirectory(logDir);
        services = new PipelineServices(builds, approvals, deployments,
                request -> new PipelineFile.Found(".slipway.yml", request.commit(), pipelineFiles.get(request.repo().fullName())),
                new StageTaskCompiler("slipway/builder:dev"), definitions, logs, new DeployTargets(java.util.List.of(target)),
                notifier, statuses, URI.create("http://localhost:8080/"), Clock.systemUTC());
        LambdaIntegration lambda = new LambdaIntegration(pool)
                .register("prepare", new PrepareFunction(services)::handle)
                .register("record", new RecordFunction(services)::handle)
                .register("request-approval", new RequestApprovalFunction(services)::handle)
                .register("deploy", new DeployFunction(services)::handle)
                .register("verify", new VerifyFunction(services)::handle)
                .register("rollback", new RollbackFunction(services)::handle)
                .register("notify", new NotifyFunction(services)::handle);
        TaskIntegrations integrations = new TaskIntegrations().register(lambda).register(new EcsIntegration(port.apply(this)));
        engine = new Engine(new MemoryEngineStore(), integrations, pool, new TimerDelayScheduler(pool), Clock.systemUTC());
        machineArn = engine.createStateMachine(MACHINE, PipelineDefinition.substituted(substitutions()), null, "STANDARD").arn();
    }

    /** What template.yaml passes as DefinitionSubstitutions, with this process's function names. */
    static Map<String, String> substitutions() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String fn : new String[] {"Prepare", "Record", "RequestApproval", "Deploy", "Verify", "Rollback", "Notify"}) {
            String name = fn.equals("RequestApproval") ? "request-approval" : fn.toLowerCase(java.util.Locale.ROOT);
            values.put(fn + "FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + name);
        }
        values.put("ClusterArn", "arn:aws:ecs:us-east-1:000000000000:cluster/slipway");
        values.put("SubnetA", "subnet-a");
        values.put("SubnetB", "subnet-b");
        values.put("TaskSecurityGroup", "sg-tasks");
        values.put("ImageBuildCapacityProvider", "slipway-image-builds");
        return values;
    }

    /** Stores the build as dispatch does and starts its execution with dispatch's input. */
    Execution start(String fixture, BuildRequest request) {
        return start(fixture, request, fixture(fixture));
    }

    /**
     * As {@link #start(String, BuildRequest)}, but prepare finds {@code atPrepare} in the repository:
     * the file changed (a force push) between dispatch and the pipeline's start.
     */
    Execution start(String fixture, BuildRequest request, String atPrepare) {
        String text = fixture(fixture);
        pipelineFiles.put(request.repo().fullName(), atPrepare);
        BuildDecision decision = BuildPlanner.decide(request, PipelineLoader.load(".slipway.yml", text));
        BuildPlan plan = ((BuildDecision.Run) decision).plan();
        builds.create(BuildRecord.queued(request, plan.stageRecords(), Instant.now()));
        String input = SlipwayJson.write(Map.of("buildId", request.id().value(), "plan", plan));
        return engine.startExecution(machineArn, request.id().value(), input);
    }

    BuildRecord build(BuildId id) {
        return builds.find(id).orElseThrow();
    }

    static String fixture(String name) {
        try (InputStream in = PipelineHarness.class.getResourceAsStream("/pipelines/" + name + "/.slipway.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
