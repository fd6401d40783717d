package dev.slipway.examples.hello;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP service on the JDK's own server: GET /health, /version and /hello?name=... */
public final class HelloServer {
    private final HttpServer server;

    private HelloServer(HttpServer server, String version) {
        this.server = server;
        server.createContext("/health", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/version", exchange -> answer(exchange, 200, version));
        server.createContext("/hello", exchange -> answer(exchange, 200, greeting(exchange)));
    }

    /** Starts on {@code port} (0 picks a free one) and reports {@code version} on /version. */
    public static HelloServer start(int port, String version) throws IOException {
        HelloServer hello = new HelloServer(HttpServer.create(new InetSocketAddress(port), 0), version);
        hello.server.start();
        return hello;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    static String greeting(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        String name = "world";
        if (query != null && query.startsWith("name=") && query.length() > "name=".length()) {
            name = URLDecoder.decode(query.substring("name=".length()), StandardCharsets.UTF_8);
        }
        return "Hello, " + name + "!";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String version = System.getenv().getOrDefault("APP_VERSION", "dev");
        HelloServer hello = start(port, version);
        System.out.println("hello " + version + " listening on port " + hello.port());
    }
}
