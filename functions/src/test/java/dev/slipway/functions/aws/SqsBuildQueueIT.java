package dev.slipway.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.testkit.build.BuildQueueContract;
import dev.slipway.testkit.build.TestBuilds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsBuildQueueIT extends BuildQueueContract {

    private final SqsClient sqs = EmbeddedSqs.client();
    private String queueUrl;

    @Override
    protected BuildQueue newQueue() {
        queueUrl = SqsQueues.createBuildQueue(sqs, EmbeddedSqs.uniqueName("builds"), Duration.ofMinutes(15), 3).queueUrl();
        return new SqsBuildQueue(sqs, queueUrl);
    }

    @Override
    protected List<BuildRequest> receiveAll() {
        List<BuildRequest> received = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : batch) {
                received.add(SlipwayJson.read(m.body(), BuildRequest.class));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return received;
    }

    @Test
    void messagesCarryTheBuildIdAsAnAttribute() {
        BuildRequest push = TestBuilds.push("acme/api", "main", "attr-1", TestBuilds.T0);
        new SqsBuildQueue(sqs, queueUrl).enqueue(push);

        Message message = sqs.receiveMessage(r -> r.queueUrl(queueUrl).messageAttributeNames("All")).messages().get(0);

        assertThat(message.messageAttributes().get("buildId").stringValue()).isEqualTo("github-attr-1");
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() {
        SqsQueues.BuildQueues queues = SqsQueues.createBuildQueue(sqs, EmbeddedSqs.uniqueName("poison"),
                Duration.ofSeconds(30), 2);
        new SqsBuildQueue(sqs, queues.queueUrl()).enqueue(TestBuilds.push("acme/api", "main", "poison-1", TestBuilds.T0));

        // A consumer that fails: receives, never deletes, and hands the message back at once.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            sqs.receiveMessage(r -> r.queueUrl(queues.queueUrl()).maxNumberOfMessages(1)).messages()
                    .forEach(m -> sqs.changeMessageVisibility(r -> r.queueUrl(queues.queueUrl())
                            .receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
            List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(queues.deadLetterUrl())).messages();
            assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).contains("github-poison-1"));
        });
    }

    @Test
    void anUnreachableQueueSaysNothingWasQueued() {
        SqsBuildQueue missing = new SqsBuildQueue(sqs, queueUrl.replaceFirst("builds-\\d+$", "no-such-queue"));
        BuildRequest push = TestBuilds.push("acme/api", "main", "lost-1", TestBuilds.T0);

        assertThatThrownBy(() -> missing.enqueue(push))
                .isInstanceOf(BuildQueueUnavailableException.class)
                .hasMessageContaining("github-lost-1").hasMessageContaining("no-such-queue");
    }
}
