package dev.slipway.functions.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slipway.functions.dispatch.DispatchHandler;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Does what Lambda's SQS event source mapping does: receives batches of up to 10 messages, hands
 * them to the dispatch handler as an SQSEvent, and deletes the messages it did not report as failed.
 */
final class QueuePump {

    private final SqsClient sqs;
    private final String queueUrl;
    private final DispatchHandler handler;

    QueuePump(SqsClient sqs, String queueUrl, DispatchHandler handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /** Processes batches until the queue answers empty; returns how many messages were handled. */
    int drain() {
        int handled = 0;
        List<Message> batch;
        while (!(batch = receive()).isEmpty()) {
            SQSEvent event = new SQSEvent();
            event.setRecords(batch.stream().map(QueuePump::toRecord).toList());
            SQSBatchResponse response = handler.handleRequest(event, null);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message m : batch) {
                if (!failed.contains(m.messageId())) {
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
            handled += batch.size();
        }
        return handled;
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    private static SQSEvent.SQSMessage toRecord(Message m) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(m.messageId());
        record.setReceiptHandle(m.receiptHandle());
        record.setBody(m.body());
        record.setEventSource("aws:sqs");
        return record;
    }
}
