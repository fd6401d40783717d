package dev.slipway.runtime.embedded;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ (the SQS API) in this JVM, bound to loopback. Queues and messages live in memory: a
 * message is on the queue only for the moment between a webhook's answer and dispatch, and a
 * provider redelivers what was not processed (the delivery ledger, in DynamoDB, keeps that once).
 */
public final class EmbeddedSqs implements EmbeddedService {

    private static final String NAME = "ElasticMQ";

    private final SQSRestServer server;
    private final URI endpoint;
    private boolean closed;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on {@code port} (0: a free one) and returns once it answers. */
    public static EmbeddedSqs start(int port) {
        int chosen = port == 0 ? LocalAws.freePort() : port;
        try {
            SQSRestServer server = SQSRestServerBuilder.withPort(chosen).withInterface("127.0.0.1")
                    .withServerAddress(new org.elasticmq.NodeAddress("http", "127.0.0.1", chosen, ""))
                    .start();
            server.waitUntilStarted();
            return new EmbeddedSqs(server, chosen);
        } catch (RuntimeException e) {
            throw new EmbeddedServiceFailedException(NAME, chosen, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stopAndWait();
        }
    }
}
