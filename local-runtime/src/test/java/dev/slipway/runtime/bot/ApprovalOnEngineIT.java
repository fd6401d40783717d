package dev.slipway.runtime.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.approval.ClickResult;
import dev.slipway.bot.approval.SfnTaskCallbacks;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.api.RecordingEcsPort;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The bot's approval clicks answering a pipeline parked on a task token in Slipway's engine,
 * through the real SfnClient and the engine's Step Functions API: approve continues it, reject
 * fails it with the bot's error, and a token the pipeline no longer waits on expires the approval.
 */
class ApprovalOnEngineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant REQUESTED = Instant.parse("2026-11-22T10:00:00Z");

    private final RecordingEcsPort ecs = new RecordingEcsPort();
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private LocalSfn sfn;
    private ApprovalService service;
    private String machine;

    @BeforeEach
    void start() throws IOException {
        sfn = new LocalSfn(new TaskIntegrations().register(new EcsIntegration(ecs)));
        String definition = fixture();
        machine = sfn.client.createStateMachine(r -> r.name("approvals").definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/slipway")).stateMachineArn();
        service = new ApprovalService(approvals, new ApprovalViews(new InMemoryBuildStore(), URI.create("http://localhost:8080/")),
                new ApprovalRules(group -> Set.of()), new SfnTaskCallbacks(sfn.client),
                Clock.fixed(REQUESTED.plusSeconds(60), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        sfn.close();
    }

    /** Starts a build's execution, waits until it parks on its approval, and stores the approval with the token. */
    private Parked park(String build) {
        int before = ecs.tokens.size();
        String execution = sfn.client.startExecution(r -> r.stateMachineArn(machine).name(build)
                .input("{\"build\":\"" + build + "\"}")).executionArn();
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokens.size() == before + 1);
        BuildId id = BuildId.of(build);
        Approval approval = new Approval(Approval.idFor(id, "deploy:production", null), id, "deploy:production", null,
                ecs.tokens.get(before), List.of("U0ALICE"), 1, false, "U0REQUESTER", REQUESTED,
                REQUESTED.plus(Duration.ofHours(4)), List.of(), ApprovalState.OPEN, null, 0);
        approvals.create(approval);
        return new Parked(execution, approval.id());
    }

    private record Parked(String execution, String approvalId) {
    }

    private DescribeExecutionResponse closed(String execution) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sfn.client.describeExecution(r -> r.executionArn(execution)), d -> d.status() != ExecutionStatus.RUNNING);
    }

    @Test
    void anApprovalContinuesThePipelineWithWhoApproved() throws Exception {
        Parked parked = park("github-42");
        ClickResult result = service.click(parked.approvalId(), "U0ALICE", Verdict.APPROVE);

        assertThat(result.replacement()).isPresent();
        DescribeExecutionResponse done = closed(parked.execution());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode approval = JSON.readTree(done.output()).path("approval");
        assertThat(approval.path("approvalId").asText()).isEqualTo(parked.approvalId());
        assertThat(approval.path("approvers").get(0).path("user").asText()).isEqualTo("U0ALICE");
        assertThat(approvals.find(parked.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void aRejectionFailsThePipelineWithTheBotsError() throws Exception {
        Parked parked = park("github-43");
        service.click(parked.approvalId(), "U0ALICE", Verdict.REJECT);

        DescribeExecutionResponse done = closed(parked.execution());
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo(ApprovalService.REJECTED_ERROR);
        assertThat(done.cause()).contains("U0ALICE");
    }

    @Test
    void whenThePipelineHasStoppedWaitingTheApprovalExpires() throws Exception {
        Parked parked = park("github-44");
        sfn.client.stopExecution(r -> r.executionArn(parked.execution()).error("Cancelled").cause("by /cancel"));

        ClickResult result = service.click(parked.approvalId(), "U0ALICE", Verdict.APPROVE);

        assertThat(result.privateNote()).get().asString().contains("stopped waiting");
        Approval stored = approvals.find(parked.approvalId()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(stored.decisions()).isEmpty();
        assertThat(sfn.client.describeExecution(r -> r.executionArn(parked.execution())).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    private static String fixture() throws IOException {
        try (InputStream in = ApprovalOnEngineIT.class.getResourceAsStream("/asl/approval.asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
