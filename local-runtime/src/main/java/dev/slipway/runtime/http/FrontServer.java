package dev.slipway.runtime.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded runtime's HTTP front, in place of API Gateway: one JDK HTTP server, one handler per
 * route prefix (the JDK picks the longest matching prefix). Unknown paths get a 404 listing the
 * routes. Threads are unbounded but idle ones die: build pages hold a thread per open page while
 * they follow a build, and must not starve webhook deliveries.
 */
public final class FrontServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private FrontServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    /** Binds {@code host:port} (0: a free port) so the URL is known before the routes are made. */
    public static FrontServer bind(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slipway-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        return new FrontServer(server, threads);
    }

    /** Serves paths starting with {@code prefix} with {@code handler}. */
    public FrontServer route(String prefix, HttpHandler handler) {
        routes.put(prefix, handler);
        server.createContext(prefix, handler);
        return this;
    }

    /** Starts serving; paths no route matches get a 404 listing the routes. */
    public FrontServer start() {
        if (!routes.containsKey("/")) {
            String list = String.join(", ", routes.keySet());
            server.createContext("/", exchange -> {
                try (exchange) {
                    HttpReplies.json(exchange, 404, HttpReplies.error("no-such-route",
                            "nothing is served at " + exchange.getRequestURI().getPath() + "; routes: " + list));
                }
            });
        }
        server.start();
        return this;
    }

    public Map<String, HttpHandler> routes() {
        return Map.copyOf(routes);
    }

    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    /** Stops accepting at once, lets requests in flight finish for up to a second, then stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
