package dev.slipway.runtime.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slipway.functions.aws.SqsQueues;
import dev.slipway.runtime.embedded.EmbeddedSqs;
import dev.slipway.runtime.embedded.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queue consumer against ElasticMQ with a limit on builds at once: each message "starts a build"
 * that stays running until the test ends it, as an execution does until its pipeline ends.
 */
class QueueConsumerIT {

    private static final int LIMIT = 2;
    private static final int SENT = 7;

    private EmbeddedSqs elasticMq;
    private SqsClient sqs;
    private String queueUrl;

    /** The builds started and not yet ended, and every start ever seen (to check each ran once). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void startQueue() {
        elasticMq = EmbeddedSqs.start(0);
        sqs = LocalAws.sqs(elasticMq.endpoint());
        queueUrl = SqsQueues.createBuildQueue(sqs, "it-builds", Duration.ofMinutes(2), 5).queueUrl();
    }

    @AfterEach
    void stopQueue() {
        sqs.close();
        elasticMq.close();
    }

    private final RequestHandler<SQSEvent, SQSBatchResponse> startBuilds = (event, context) -> {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            running.add(message.getBody());
            started.add(message.getBody());
            mostAtOnce.accumulateAndGet(running.size(), Math::max);
        }
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    };

    @Test
    void withALimitNoMoreBuildsRunAtOnceAndEveryQueuedBuildRunsOnce() {
        List<String> sent = IntStream.rangeClosed(1, SENT).mapToObj(i -> "build-" + i).toList();
        sent.forEach(body -> sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)));

        try (QueueConsumer consumer = new QueueConsumer(sqs, queueUrl, "it-dispatch", startBuilds,
                UnaryOperator.identity(), () -> LIMIT - running.size(), Clock.systemUTC()).start()) {
            List<String> ended = new ArrayList<>();
            while (ended.size() < SENT) {
                // Whatever the consumer has started, end one build only once the limit is reached (or
                // the queue is down to its last builds), so an unlimited consumer would overshoot here.
                int expectedRunning = Math.min(LIMIT, SENT - ended.size());
                await().atMost(Duration.ofSeconds(20)).until(() -> running.size() >= expectedRunning);
                String oldest = started.stream().filter(running::contains).findFirst().orElseThrow();
                running.remove(oldest);
                ended.add(oldest);
            }
            assertThat(mostAtOnce).hasValue(LIMIT);
            assertThat(started).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void withoutALimitABatchStartsAsManyAsTheQueueHands() {
        IntStream.rangeClosed(1, SENT).forEach(i -> sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("build-" + i)));

        try (QueueConsumer consumer = new QueueConsumer(sqs, queueUrl, "it-dispatch", startBuilds,
                UnaryOperator.identity(), Clock.systemUTC()).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> started.size() == SENT);
            assertThat(mostAtOnce.get()).isGreaterThan(LIMIT);
        }
    }
}
