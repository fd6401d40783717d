package dev.slipway.functions.aws;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@link BuildQueue} on an SQS standard queue: the message body is the request as JSON, and the
 * build id travels as a message attribute too, for people reading the queue or the DLQ. SendMessage
 * returns only once SQS has stored the message redundantly, which is the durability the contract asks.
 */
public final class SqsBuildQueue implements BuildQueue {

    static final String BUILD_ID_ATTRIBUTE = "buildId";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBuildQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(BuildRequest request) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(SlipwayJson.write(request))
                    .messageAttributes(Map.of(BUILD_ID_ATTRIBUTE, MessageAttributeValue.builder()
                            .dataType("String").stringValue(request.id().value()).build())));
        } catch (SdkException e) {
            throw new BuildQueueUnavailableException(request.id(), queueUrl, e);
        }
    }
}
