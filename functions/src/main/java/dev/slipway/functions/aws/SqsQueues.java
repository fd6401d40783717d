package dev.slipway.functions.aws;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the builds queue and its dead-letter queue, for the embedded runtime and tests; in the
 * cloud {@code template.yaml} declares the same. The visibility timeout must be longer than dispatch
 * can take (AWS recommends six times the function timeout for an SQS event source), so a message
 * being processed is not handed to a second consumer; after {@code maxReceives} failed attempts a
 * message moves to the dead-letter queue instead of blocking the queue forever.
 */
public final class SqsQueues {

    /** The queues' URLs. */
    public record BuildQueues(String queueUrl, String deadLetterUrl) {
    }

    private SqsQueues() {
    }

    public static BuildQueues createBuildQueue(SqsClient sqs, String name, Duration visibilityTimeout, int maxReceives) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Long.toString(Duration.ofDays(14).toSeconds()))))
                .queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}";
        String queueUrl = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new BuildQueues(queueUrl, dlqUrl);
    }
}
