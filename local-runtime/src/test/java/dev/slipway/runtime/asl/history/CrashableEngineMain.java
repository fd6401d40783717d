package dev.slipway.runtime.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.cli.EngineCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine as {@code slipway engine} runs it, plus an ECS port whose tasks never stop (a container
 * still running when the process is killed) and whose token tasks are handed over at once.
 */
public final class CrashableEngineMain {
    private CrashableEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        EcsTaskPort forever = new EcsTaskPort() {
            @Override
            public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
                return taskToken != null ? CompletableFuture.completedFuture(parameters) : new CompletableFuture<>();
            }

            @Override
            public void stop(String taskArn, String reason) {
            }
        };
        EngineCommand.start(args, new TaskIntegrations().register(new EcsIntegration(forever)), System.out);
        Thread.currentThread().join();
    }
}
