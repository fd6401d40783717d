package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands every task over at once (as a launched task) and remembers the tokens it was given. */
public final class RecordingEcsPort implements EcsTaskPort {
    public final List<String> tokens = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
        if (taskToken != null) {
            tokens.add(taskToken);
        }
        return CompletableFuture.completedFuture(Json.parse("{\"taskArn\":\"arn:aws:ecs:us-east-1:000000000000:task/t\","
                + "\"lastStatus\":\"RUNNING\",\"containers\":[]}"));
    }

    @Override
    public void stop(String taskArn, String reason) {
    }
}
