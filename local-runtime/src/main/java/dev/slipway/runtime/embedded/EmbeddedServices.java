package dev.slipway.runtime.embedded;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DynamoDB Local and ElasticMQ, started in parallel (DynamoDB Local takes a few seconds, ElasticMQ
 * about one) and stopped together. If one fails to start, the other is stopped before the error
 * propagates, so a failed start leaves no port taken.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final EmbeddedDynamo dynamo;
    private final EmbeddedSqs sqs;

    private EmbeddedServices(EmbeddedDynamo dynamo, EmbeddedSqs sqs) {
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    /**
     * @param dynamoDir where DynamoDB Local keeps its tables (null: in memory)
     * @param dynamoPort 0 for a free port
     * @param sqsPort    0 for a free port
     */
    public static EmbeddedServices start(Path dynamoDir, int dynamoPort, int sqsPort) {
        CompletableFuture<EmbeddedDynamo> dynamo = CompletableFuture.supplyAsync(() -> EmbeddedDynamo.start(dynamoDir, dynamoPort));
        CompletableFuture<EmbeddedSqs> sqs = CompletableFuture.supplyAsync(() -> EmbeddedSqs.start(sqsPort));
        try {
            CompletableFuture.allOf(dynamo, sqs).join();
            return new EmbeddedServices(dynamo.join(), sqs.join());
        } catch (CompletionException e) {
            closeStarted(dynamo);
            closeStarted(sqs);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void closeStarted(CompletableFuture<? extends EmbeddedService> service) {
        if (service.isDone() && !service.isCompletedExceptionally()) {
            service.join().close();
        }
    }

    public EmbeddedDynamo dynamo() {
        return dynamo;
    }

    public EmbeddedSqs sqs() {
        return sqs;
    }

    /** Stops both, ElasticMQ first: nothing should be taken from the queue once tables are going away. */
    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            dynamo.close();
        }
    }
}
