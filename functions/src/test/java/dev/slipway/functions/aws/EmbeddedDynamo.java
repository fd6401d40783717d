package dev.slipway.functions.aws;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (AWS's own, 3.x) in this JVM, in memory, started once for all ITs of the JVM.
 * Needs {@code sqlite4java.library.path} (set by the failsafe configuration in this module's pom).
 */
public final class EmbeddedDynamo {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

    private EmbeddedDynamo() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            if (System.getProperty("sqlite4java.library.path") == null) {
                throw new IllegalStateException("sqlite4java.library.path is not set: run the ITs through Maven "
                        + "(./mvnw -pl functions -am verify), which copies DynamoDB Local's native libraries");
            }
            int port = LocalAws.freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port)});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            client = LocalAws.dynamo(URI.create("http://127.0.0.1:" + port));
        }
        return client;
    }

    /** A name no other test uses, so each test starts from empty tables. */
    public static String uniquePrefix() {
        return "it" + TABLES.incrementAndGet() + "-";
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; nothing left to clean.
        }
    }
}
