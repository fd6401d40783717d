package dev.slipway.functions.dispatch;

import static dev.slipway.functions.dispatch.DispatchFixture.GOOD;
import static dev.slipway.functions.dispatch.DispatchFixture.REPO;
import static dev.slipway.functions.dispatch.DispatchFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingPipelineExecutions;
import dev.slipway.testkit.dispatch.InMemoryPipelineSource;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQS adapter reports only the messages that failed, so only they are retried. */
class DispatchHandlerTest {

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }

    @Test
    void failedMessagesAreReportedByIdAndTheOthersSucceed() {
        InMemoryPipelineSource source = new InMemoryPipelineSource().put(REPO, GOOD, DispatchFixture.pipeline("api"));
        RecordingPipelineExecutions executions = new RecordingPipelineExecutions();
        DispatchHandler handler = new DispatchHandler(new Dispatcher(source, new InMemoryBuildStore(), executions,
                Clock.fixed(T0, ZoneOffset.UTC)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("m-good", SlipwayJson.write(DispatchFixture.push("h1", "main", GOOD, T0))),
                message("m-garbage", "{\"id\": \"not a request\""),
                message("m-unknown-field-ok", SlipwayJson.write(DispatchFixture.push("h2", "main", GOOD, T0))
                        .replaceFirst("\\{", "{\"addedLater\":1,"))));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-garbage");
        assertThat(executions.executions()).hasSize(2);
    }

    @Test
    void anUnreachableRepositoryFailsOnlyItsMessage() {
        InMemoryPipelineSource source = new InMemoryPipelineSource().put(REPO, GOOD, DispatchFixture.pipeline("api"));
        source.failNext(1);
        DispatchHandler handler = new DispatchHandler(new Dispatcher(source, new InMemoryBuildStore(),
                new RecordingPipelineExecutions(), Clock.fixed(T0, ZoneOffset.UTC)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", SlipwayJson.write(DispatchFixture.push("u1", "main", GOOD, T0))),
                message("m-2", SlipwayJson.write(DispatchFixture.push("u2", "main", GOOD, T0)))));

        assertThat(handler.handleRequest(event, null).getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m-1");
    }
}
