package dev.slipway.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.task.TaskOutputs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Stage logs read back from the streams ECS's awslogs driver writes, against moto's CloudWatch Logs. */
class CloudWatchStageLogsIT {

    private static final CloudWatchLogsClient LOGS = CloudWatchLogsClient.builder().endpointOverride(MotoServer.endpoint())
            .region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();

    private final String group = "/slipway/it-" + UUID.randomUUID() + "/stages";
    private final String taskArn = "arn:aws:ecs:us-east-1:000000000000:task/slipway/" + UUID.randomUUID().toString().replace("-", "");
    private final CloudWatchStageLogs logs = new CloudWatchStageLogs(LOGS, group, "us-east-1");

    private void written(String stage, String container, String... lines) {
        String stream = CloudWatchStageLogs.stream(stage, container, taskArn);
        LOGS.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long now = Instant.now().toEpochMilli();
        List<InputLogEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            events.add(InputLogEvent.builder().timestamp(now + i).message(lines[i]).build());
        }
        LOGS.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void readsTheLastLinesAndTheDigestOfABuildStage() {
        LOGS.createLogGroup(r -> r.logGroupName(group));
        String digest = "sha256:" + "f".repeat(64);
        written("api.build", "build-image", "Step 1/3 : FROM scratch", "pushed", TaskOutputs.digestLine(digest));

        assertThat(logs.lastLines("b1", "api.build", taskArn, 2)).containsExactly("pushed", TaskOutputs.digestLine(digest));
        assertThat(logs.digest("b1", "api.build", taskArn)).contains(digest);
        assertThat(logs.pointer("b1", "api.build", taskArn)).hasValueSatisfying(p -> assertThat(p)
                .startsWith("https://us-east-1.console.aws.amazon.com/cloudwatch/").contains("log-events"));
    }

    @Test
    void aTaskWithoutLogsHasNoLinesRatherThanAnError() {
        LOGS.createLogGroup(r -> r.logGroupName(group));
        written("api.integration", "step", "$ ./gradlew test", "BUILD SUCCESSFUL");

        assertThat(logs.lastLines("b1", "api.integration", taskArn, 10)).containsExactly("$ ./gradlew test", "BUILD SUCCESSFUL");
        assertThat(logs.lastLines("b1", "api.pre_build", taskArn, 10)).isEmpty();
        assertThat(logs.digest("b1", "api.integration", taskArn)).isEmpty();
        assertThat(logs.lastLines("b1", "api.integration", "", 10)).isEmpty();
    }
}
