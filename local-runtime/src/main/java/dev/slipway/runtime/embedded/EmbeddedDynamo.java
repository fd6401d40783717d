package dev.slipway.runtime.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteLibraryLoader;

/**
 * DynamoDB Local (AWS's own, 3.x) in this JVM. With a directory its tables live in one SQLite file
 * there ({@code -sharedDb}: one database whatever the access key or region), so records survive a
 * restart and a kill -9 (SQLite commits each write); without one it runs in memory.
 */
public final class EmbeddedDynamo implements EmbeddedService {

    private static final String NAME = "DynamoDB Local";

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private boolean closed;

    private EmbeddedDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on {@code port} (0: a free one), keeping tables under {@code dbPath}, or in memory when null. */
    public static EmbeddedDynamo start(Path dbPath, int port) {
        int chosen = port == 0 ? LocalAws.freePort() : port;
        try {
            loadNativeLibrary();
            DynamoDBProxyServer server = withoutBanner(() -> ServerRunner.createServerFromCommandLineArgs(args(dbPath, chosen)));
            bindToLoopback(server);
            server.start();
            return new EmbeddedDynamo(server, chosen);
        } catch (Exception e) {
            throw new EmbeddedServiceFailedException(NAME, chosen, e);
        }
    }

    private interface Creation<T> {
        T create() throws Exception;
    }

    /**
     * DynamoDB Local prints its configuration to standard output as it is created, which would sit
     * among the lines of {@code slipway run} and {@code slipway up}; it has no switch for that. Start-up
     * is single-threaded, so standard output is set aside for that moment only.
     */
    private static <T> T withoutBanner(Creation<T> creation) throws Exception {
        PrintStream out = System.out;
        synchronized (EmbeddedDynamo.class) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            try {
                return creation.create();
            } finally {
                System.setOut(out);
            }
        }
    }

    private static String[] args(Path dbPath, int port) throws IOException {
        // No telemetry: this machine may have no route out, and users did not ask for it.
        if (dbPath == null) {
            return new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
        }
        Files.createDirectories(dbPath);
        return new String[] {"-dbPath", dbPath.toAbsolutePath().toString(), "-sharedDb", "-disableTelemetry",
                "-port", Integer.toString(port)};
    }

    /**
     * DynamoDB Local has no option for the address it binds and listens on every interface, which
     * would hand every build record to anyone on the network. Its Jetty connector is set to loopback
     * before it starts; if a later version hides the connector, starting fails rather than exposing it.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        boolean bound = false;
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                network.setHost("127.0.0.1");
                bound = true;
            }
        }
        if (!bound) {
            throw new IllegalStateException("DynamoDB Local's HTTP connector was not found, so it cannot be kept on loopback");
        }
    }

    /**
     * sqlite4java needs its native library. When {@code sqlite4java.library.path} is not set (the
     * CLI, unlike the Maven test runs), DynamoDB Local 3.x extracts the copy bundled in its jar.
     */
    private static void loadNativeLibrary() throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            SQLiteLibraryLoader.initialize();
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
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(NAME + " did not stop cleanly", e));
        }
    }
}
