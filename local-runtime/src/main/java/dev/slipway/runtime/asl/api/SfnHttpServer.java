package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.RequestRejectedException;
import dev.slipway.runtime.asl.eval.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Step Functions API over HTTP, AWS JSON 1.0: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>} and a JSON body. Errors come back as AWS sends
 * them, {@code {"__type": "...", "message": "..."}} with status 400 (500 for the engine's own faults),
 * so the AWS SDK raises its modeled exceptions (ExecutionAlreadyExistsException, ...).
 */
public final class SfnHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SfnHttpServer.class.getName());
    private static final String TARGET_PREFIX = "AWSStepFunctions.";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK add ~40 ms to every call. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private final HttpServer server;
    private final ExecutorService threads;
    private final SfnOperations operations;

    private SfnHttpServer(HttpServer server, ExecutorService threads, SfnOperations operations) {
        this.server = server;
        this.threads = threads;
        this.operations = operations;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one). */
    public static SfnHttpServer start(Engine engine, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 512);
        ExecutorService threads = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "slipway-sfn-http");
            t.setDaemon(true);
            return t;
        });
        SfnHttpServer api = new SfnHttpServer(server, threads, new SfnOperations(engine));
        server.createContext("/", api::handle);
        server.setExecutor(threads);
        server.start();
        return api;
    }

    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        JsonNode body;
        try {
            body = answer(exchange);
        } catch (ApiFailure failure) {
            status = failure.status;
            body = failure.body;
        }
        try (exchange) {
            reply(exchange, status, body);
        }
    }

    private JsonNode answer(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ApiFailure(405, error("UnknownOperationException",
                    "Step Functions takes POST / with an X-Amz-Target header, not " + exchange.getRequestMethod()));
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ApiFailure(400, error("UnknownOperationException", "Missing or unknown X-Amz-Target '" + target
                    + "': expected AWSStepFunctions.<Operation>"));
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        return dispatch(target.substring(TARGET_PREFIX.length()), body);
    }

    private JsonNode dispatch(String operation, byte[] body) {
        JsonNode request;
        try {
            request = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiFailure(400, error("SerializationException", "The request body is not valid JSON: "
                    + e.getMessage()));
        }
        try {
            return operations.call(operation, request);
        } catch (RequestRejectedException e) {
            throw new ApiFailure(400, error(e.code(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(500, error("InternalFailure", "The request was interrupted"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Step Functions operation " + operation + " failed", e);
            throw new ApiFailure(500, error("InternalFailure", "The engine failed on " + operation + ": " + e));
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = Json.object();
        node.put("__type", type);
        node.put("message", message);
        return node;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** An error reply on its way out of the handler. */
    private static final class ApiFailure extends RuntimeException {
        private final int status;
        private final transient JsonNode body;

        ApiFailure(int status, JsonNode body) {
            super(body.path("message").asText(), null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
