package dev.slipway.functions.aws;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ (SQS API) in this JVM, started once for all ITs of the JVM. */
public final class EmbeddedSqs {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsClient client;

    private EmbeddedSqs() {
    }

    public static synchronized SqsClient client() {
        if (client == null) {
            int port = LocalAws.freePort();
            SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
            server.waitUntilStarted();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
            client = LocalAws.sqs(URI.create("http://127.0.0.1:" + port));
        }
        return client;
    }

    public static String uniqueName(String base) {
        return base + "-" + QUEUES.incrementAndGet();
    }
}
