package dev.slipway.functions.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.pipeline.ExecutionHistory;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateExitedEventDetails;

/**
 * {@link ExecutionHistory} on GetExecutionHistory, newest event first, stopping at the first state
 * output that carries {@code notify.messageRef}: usually a page or two, not the whole history.
 */
public final class SfnExecutionHistory implements ExecutionHistory {

    private final SfnClient sfn;

    public SfnExecutionHistory(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Optional<BuildMessage> lastMessage(String executionArn) {
        for (HistoryEvent event : sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).reverseOrder(true)
                .includeExecutionData(true)).events()) {
            StateExitedEventDetails exited = event.stateExitedEventDetails();
            Optional<BuildMessage> message = exited == null ? Optional.empty() : message(exited.output());
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    private static Optional<BuildMessage> message(String output) {
        if (output == null || output.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode notify = SlipwayJson.mapper().readTree(output).path("notify");
            String ref = notify.path("messageRef").asText("");
            return ref.isBlank() ? Optional.empty() : Optional.of(new BuildMessage(notify.path("channel").asText(""), ref));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
