package dev.slipway.examples.hello;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The example's tests, as a plain main program so that the stage image needs only a JDK: starts
 * the server on a free port, checks each endpoint over HTTP, and exits 1 when any check fails.
 */
public final class HelloServerCheck {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> FAILURES = new ArrayList<>();
    private static int passed;

    public static void main(String[] args) throws Exception {
        HelloServer server = HelloServer.start(0, "test-version");
        try {
            String base = "http://127.0.0.1:" + server.port();
            expect(base + "/health", 200, "ok");
            expect(base + "/version", 200, "test-version");
            expect(base + "/hello", 200, "Hello, world!");
            expect(base + "/hello?name=Slipway%20user", 200, "Hello, Slipway user!");
            expect(base + "/nothing-here", 404, null);
        } finally {
            server.stop();
        }
        FAILURES.forEach(failure -> System.out.println("FAIL: " + failure));
        System.out.println(passed + " passed, " + FAILURES.size() + " failed");
        System.exit(FAILURES.isEmpty() ? 0 : 1);
    }

    private static void expect(String url, int status, String body) throws Exception {
        HttpResponse<String> response =
                CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        boolean ok = response.statusCode() == status && (body == null || response.body().equals(body + "\n"));
        if (ok) {
            passed++;
            System.out.println("ok: GET " + url + " -> " + status);
        } else {
            FAILURES.add("GET " + url + ": wanted " + status + " " + body
                    + ", got " + response.statusCode() + " " + response.body().strip());
        }
    }
}
