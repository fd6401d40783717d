package dev.slipway.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.Target;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The ECS task definitions of stages and the ECS deploy target, against moto's ECS. */
class EcsAdaptersIT {

    private static final EcsClient ECS = EcsClient.builder().endpointOverride(MotoServer.endpoint())
            .region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();

    private final String prefix = "slipway-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final EcsTaskConfig config = new EcsTaskConfig(prefix, "arn:aws:iam::000000000000:role/exec",
            "arn:aws:iam::000000000000:role/task", "/slipway/stages", "us-east-1", "slipway/build/", "s3://artifacts");

    private static TaskSpec spec(String build, String image, String command) {
        ContainerSpec step = ContainerSpec.builder("step", image).entrypoint(List.of("sh", "-c")).command(command)
                .env("COMMIT_SHA", build).secretEnv(List.of("NPM_TOKEN")).build();
        return new TaskSpec(build, "api.integration", List.of(step), "ws-" + build, Map.of(), Duration.ofMinutes(10),
                Resources.of(0.5, 1024));
    }

    @Test
    void equalDefinitionsAreRegisteredOnceAndBuildValuesTravelAsOverrides() {
        TaskLaunch first = new EcsTaskDefinitions(ECS, config).register(spec("build-1", "slipway/jre:17", "./gradlew test"));
        TaskLaunch again = new EcsTaskDefinitions(ECS, config).register(spec("build-2", "slipway/jre:17", "./gradlew check"));
        TaskLaunch other = new EcsTaskDefinitions(ECS, config).register(spec("build-3", "slipway/jdk:17", "./gradlew test"));

        assertThat(again.taskDefinition()).isEqualTo(first.taskDefinition());
        assertThat(other.taskDefinition()).isNotEqualTo(first.taskDefinition());
        assertThat(ECS.listTaskDefinitions().taskDefinitionArns()).filteredOn(arn -> arn.contains("/" + prefix + "-")).hasSize(2);
        assertThat(again.overrides().toString()).contains("build-2").contains("./gradlew check");

        TaskDefinition registered = ECS.describeTaskDefinition(r -> r.taskDefinition(first.taskDefinition())).taskDefinition();
        assertThat(registered.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        assertThat(registered.cpu()).isEqualTo("512");
        assertThat(registered.memory()).isEqualTo("1024");
        var step = registered.containerDefinitions().get(0);
        assertThat(step.secrets()).singleElement().satisfies(s -> assertThat(s.valueFrom()).isEqualTo("slipway/build/NPM_TOKEN"));
        assertThat(step.logConfiguration().options()).containsEntry("awslogs-stream-prefix", "api-integration");
        assertThat(step.command()).isEmpty();
    }

    @Test
    void aDeployRegistersARevisionWithTheNewImageAndUpdatesTheService() {
        String cluster = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        ECS.createCluster(r -> r.clusterName(cluster));
        String family = "api-" + UUID.randomUUID().toString().substring(0, 8);
        String current = ECS.registerTaskDefinition(r -> r.family(family).containerDefinitions(
                c -> c.name("app").image("registry/acme/api@sha256:" + "1".repeat(64)).memory(256),
                c -> c.name("sidecar").image("registry/acme/proxy:1").memory(64))).taskDefinition().taskDefinitionArn();
        ECS.createService(r -> r.cluster(cluster).serviceName("api").taskDefinition(current).desiredCount(1));
        EcsDeployTarget target = new EcsDeployTarget(ECS, Clock.systemUTC(), Duration.ofMillis(200));
        String image = "registry/acme/api@sha256:" + "2".repeat(64);

        String revision = target.rollOut(new ServiceEnvironment("api", "production"),
                new Target.EcsTarget(cluster, "api", Optional.of("app")), image);

        var service = ECS.describeServices(r -> r.cluster(cluster).services("api")).services().get(0);
        assertThat(service.taskDefinition()).isEqualTo(revision).isNotEqualTo(current);
        var containers = ECS.describeTaskDefinition(r -> r.taskDefinition(revision)).taskDefinition().containerDefinitions();
        assertThat(containers).extracting(c -> c.name() + "=" + c.image())
                .containsExactly("app=" + image, "sidecar=registry/acme/proxy:1");
    }

    @Test
    void aServiceThatDoesNotExistIsNamedInTheError() {
        String cluster = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        ECS.createCluster(r -> r.clusterName(cluster));
        EcsDeployTarget target = new EcsDeployTarget(ECS, Clock.systemUTC(), Duration.ofMillis(200));

        assertThatThrownBy(() -> target.rollOut(new ServiceEnvironment("api", "production"),
                new Target.EcsTarget(cluster, "missing", Optional.empty()), "registry/acme/api:1"))
                .hasMessageContaining("ECS service missing does not exist in cluster " + cluster)
                .hasMessageContaining("deploy.production");
    }
}
