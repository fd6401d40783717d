package dev.slipway.runtime.queue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slipway.runtime.http.LocalLambdaContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does in the cloud, for one queue and one handler: long-poll
 * the queue, hand batches of up to 10 messages to the handler as an {@link SQSEvent}, and delete the
 * messages it did not report in {@code batchItemFailures} ({@code ReportBatchItemFailures}). Reported
 * messages, and the whole batch when the handler throws, stay on the queue and come back after the
 * visibility timeout, until the queue's redrive policy moves them to the dead-letter queue.
 *
 * <p>A limit on concurrent builds ({@code max_concurrent_builds}) is kept here, before messages are
 * taken: the consumer asks how many builds may start now and receives at most that many, so the rest
 * wait on the queue (in order, visible, never half-taken) until a running build ends. Lambda's
 * counterpart is the event source's maximum concurrency; here one batch starts one build per message.
 *
 * <p>One thread, started by {@link #start} and stopped by {@link #close} within one poll (1 s).
 */
public final class QueueConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueConsumer.class.getName());
    private static final int WAIT_SECONDS = 1;
    /** SQS's largest batch. */
    static final int MAX_BATCH = 10;
    /** How often a full consumer asks again whether a build has ended. */
    private static final Duration FULL_PAUSE = Duration.ofMillis(200);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String functionName;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final UnaryOperator<String> bodies;
    private final IntSupplier freeSlots;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param bodies applied to each message body before the handler sees it (the embedded runtime's
     *               repository mapping); {@code UnaryOperator.identity()} for none
     */
    public QueueConsumer(SqsClient sqs, String queueUrl, String functionName,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, UnaryOperator<String> bodies, Clock clock) {
        this(sqs, queueUrl, functionName, handler, bodies, () -> MAX_BATCH, clock);
    }

    /**
     * @param freeSlots how many more builds may start now (the limit minus the builds running); asked
     *                  before every receive, from this consumer's one thread
     */
    public QueueConsumer(SqsClient sqs, String queueUrl, String functionName,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, UnaryOperator<String> bodies, IntSupplier freeSlots,
            Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.functionName = functionName;
        this.handler = handler;
        this.bodies = bodies;
        this.freeSlots = freeSlots;
        this.clock = clock;
        this.thread = new Thread(this::loop, "slipway-queue-" + functionName);
        this.thread.setDaemon(true);
    }

    public QueueConsumer start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                int batch = Math.min(MAX_BATCH, freeSlots.getAsInt());
                if (batch <= 0) {
                    pause(FULL_PAUSE);
                    continue;
                }
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batch)
                        .waitTimeSeconds(WAIT_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "polling " + queueUrl + " failed; trying again", e);
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** One batch, as Lambda invokes the function with it. */
    void deliver(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event,
                    new LocalLambdaContext(functionName, Duration.ofMinutes(1), clock));
            failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, functionName + " failed on a batch of " + messages.size() + "; the messages return to the queue", e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(bodies.apply(message.body()));
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
        record.setAwsRegion("us-east-1");
        return record;
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling; a batch being handled is finished first (its messages are then deleted or returned). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(WAIT_SECONDS + 30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
