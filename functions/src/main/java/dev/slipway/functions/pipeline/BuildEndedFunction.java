package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.functions.aws.SfnExecutionHistory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Called by EventBridge with a "Step Functions Execution Status Change" event of the pipeline
 * (template.yaml's rule matches ABORTED, TIMED_OUT and FAILED): hands it to {@link BuildEndings}.
 * The build is the execution's input {@code buildId} (dispatch starts every execution with it), or
 * else the execution's name, which is the build id too.
 */
public final class BuildEndedFunction extends JsonFunction {

    private final BuildEndings endings;

    public BuildEndedFunction() {
        this(PipelineWiring.fromEnvironment().services(),
                new SfnExecutionHistory(SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build()));
    }

    public BuildEndedFunction(PipelineServices services, ExecutionHistory history) {
        this.endings = new BuildEndings(services, history);
    }

    @Override
    public JsonNode handle(JsonNode event) {
        JsonNode detail = event.path("detail");
        String arn = detail.path("executionArn").asText("");
        String status = detail.path("status").asText("");
        if (arn.isBlank() || status.isBlank()) {
            throw new PayloadInvalidException("not a Step Functions Execution Status Change event (detail.executionArn and"
                    + " detail.status are required): " + event.path("detail-type").asText("no detail-type"));
        }
        BuildRecord build = endings.ended(buildId(detail), arn, status, text(detail, "error"), text(detail, "cause"));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("buildId", build.id().value());
        answer.put("status", build.status().name());
        return answer;
    }

    private static BuildId buildId(JsonNode detail) {
        String input = detail.path("input").asText("");
        try {
            JsonNode id = input.isBlank() ? null : JSON.readTree(input).get("buildId");
            if (id != null && id.isTextual()) {
                return BuildId.of(id.asText());
            }
        } catch (JsonProcessingException e) {
            // The input is not ours (or was cut): the execution's name is the build id as well.
        }
        return BuildId.of(detail.path("name").asText(""));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
